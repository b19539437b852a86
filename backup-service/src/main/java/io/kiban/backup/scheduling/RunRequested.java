package io.kiban.backup.scheduling;

import java.time.Instant;
import java.util.List;

/**
 * Answer to "run now": one SCHEDULED run per target is in the ledger ({@code runIds}, in the order
 * of {@code targetIds}) and the firing is queued on the clustered scheduler.
 */
record RunRequested(
        Long policyId,
        Instant requestedAt,
        List<Long> targetIds,
        List<Long> runIds,
        String requestedBy) {}
