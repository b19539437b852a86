package io.kiban.maintenance.custody;

/**
 * REMOVED_ON_SITE → IN_CUSTODY → EVIDENCE_SUBMITTED → EVIDENCE_ACCEPTED, or EVIDENCE_REJECTED →
 * resubmit.
 */
public enum CustodyStatus {
    REMOVED_ON_SITE,
    IN_CUSTODY,
    EVIDENCE_SUBMITTED,
    EVIDENCE_ACCEPTED,
    EVIDENCE_REJECTED
}
