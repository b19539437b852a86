package io.kiban.maintenance.evidence;

import io.kiban.maintenance.custody.AcceptedEvidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** R-RM-4: the latest accepting decision on an item's evidence, for custody's evidence status. */
@ApplicationScoped
class EvidenceAcceptance implements AcceptedEvidence {

    private final EvidenceRepository evidence;

    EvidenceAcceptance(EvidenceRepository evidence) {
        this.evidence = evidence;
    }

    @Override
    public Optional<Instant> acceptedAt(long itemId) {
        return evidence.find(
                        "itemId = ?1 and status = ?2 order by decidedAt desc, id desc",
                        itemId,
                        Evidence.Status.ACCEPTED)
                .firstResultOptional()
                .map(e -> e.decidedAt);
    }
}
