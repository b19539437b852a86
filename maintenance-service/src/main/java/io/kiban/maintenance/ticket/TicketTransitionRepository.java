package io.kiban.maintenance.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access of the ticket feature (moved out of {@code TicketRepository}, #19). */
@ApplicationScoped
public class TicketTransitionRepository implements PanacheRepository<TicketTransition> {
    public List<TicketTransition> of(long ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
