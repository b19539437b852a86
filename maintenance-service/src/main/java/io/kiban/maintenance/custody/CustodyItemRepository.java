package io.kiban.maintenance.custody;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CustodyItemRepository implements PanacheRepository<CustodyItem> {

    public List<CustodyItem> outstandingForTicket(long ticketId) {
        return list(
                "ticketId = ?1 and status <> ?2 order by id",
                ticketId,
                CustodyStatus.EVIDENCE_ACCEPTED);
    }

    public Optional<CustodyItem> bySerial(String serial) {
        return find("serial", serial).firstResultOptional();
    }
}
