package io.kiban.maintenance.custody;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access of the custody feature (moved out of {@code CustodyItemRepository}, #19). */
@ApplicationScoped
public class CustodyEventRepository implements PanacheRepository<CustodyEvent> {
    public List<CustodyEvent> of(long itemId) {
        return list("itemId = ?1 order by id", itemId);
    }
}
