package io.kiban.maintenance.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access of the evidence feature (moved out of {@code EvidenceRepository}, #19). */
@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepository<EvidenceFile> {
    public List<EvidenceFile> of(long evidenceId) {
        return list("evidenceId = ?1 order by id", evidenceId);
    }
}
