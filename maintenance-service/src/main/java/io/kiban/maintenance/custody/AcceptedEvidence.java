package io.kiban.maintenance.custody;

import java.time.Instant;
import java.util.Optional;

/**
 * R-RM-4: when a custody item's destruction evidence was accepted (the latest accepting decision).
 * Answered by the evidence feature, so custody does not depend on how evidence is stored (#19:
 * evidence depends on custody, never the other way).
 */
public interface AcceptedEvidence {

    Optional<Instant> acceptedAt(long itemId);
}
