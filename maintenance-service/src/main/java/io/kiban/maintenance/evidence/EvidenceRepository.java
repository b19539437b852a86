package io.kiban.maintenance.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepository<Evidence> {

    public List<Evidence> ofItem(long itemId) {
        return list("itemId = ?1 order by id", itemId);
    }
}
