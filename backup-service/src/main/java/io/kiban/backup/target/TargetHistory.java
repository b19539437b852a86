package io.kiban.backup.target;

import io.kiban.backup.target.TargetDtos.TargetStatus;
import java.time.Instant;

/**
 * What the target package asks of the policies and runs that refer to a target. Implemented where
 * those live (run/), so that target depends on neither (#19: one-way features, policy and run above
 * target).
 */
public interface TargetHistory {

    /** Throws a 409 conflict naming the policies covering the target, or its runs in the ledger. */
    void requireUnused(long targetId);

    /** R-BK-3: last success, last run, missed and failed runs, and whether the RPO is breached. */
    TargetStatus status(BackupTarget target, Instant now);
}
