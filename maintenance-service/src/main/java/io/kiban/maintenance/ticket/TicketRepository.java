package io.kiban.maintenance.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TicketRepository implements PanacheRepository<Ticket> {

    @ApplicationScoped
    public static class Transitions implements PanacheRepository<TicketTransition> {
        public List<TicketTransition> of(long ticketId) {
            return list("ticketId = ?1 order by id", ticketId);
        }
    }
}
