package io.kiban.maintenance.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Data access of the evidence feature (moved out of {@code EvidenceRepository}, #19). */
@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepository<EvidenceFile> {
    public List<EvidenceFile> of(long evidenceId) {
        return list("evidenceId = ?1 order by id", evidenceId);
    }

    /**
     * The files of several evidence records in one statement (#16 §3: one select for a page of
     * evidence, not one per record), each record's in id (= upload) order; a record without files
     * is absent from the map.
     */
    public Map<Long, List<EvidenceFile>> of(Collection<Long> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        return list("evidenceId in ?1 order by id", evidenceIds).stream()
                .collect(Collectors.groupingBy(f -> f.evidenceId));
    }

    /**
     * The files of every accepted evidence record in one statement (#16 §3: the destruction
     * register asks once, not once per row), each record's in id (= upload) order.
     */
    public Map<Long, List<EvidenceFile>> ofAccepted() {
        return list(
                        "evidenceId in (select e.id from Evidence e where e.status = ?1) order by id",
                        Evidence.Status.ACCEPTED)
                .stream()
                .collect(Collectors.groupingBy(f -> f.evidenceId));
    }
}
