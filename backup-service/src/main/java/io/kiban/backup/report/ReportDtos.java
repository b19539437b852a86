package io.kiban.backup.report;

import io.kiban.backup.drill.DrillDtos.DrillView;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunDtos.RunView;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetView;
import java.time.Instant;
import java.util.List;

public final class ReportDtos {

    private ReportDtos() {
    }

    /** R-BK-5: a backup copy held on an array, and whether it is accounted for at removal. */
    public record BackupCopy(Long runId, Long targetId, String targetName, BackupTarget.ArrayKind array,
            String arrayHardwareId, BackupTarget.Environment environment, Long policyId, String driver,
            String reference, BackupRun.State state, Instant takenAt, Long bytes, boolean accountedFor,
            String accountedBy) {
    }

    /** R-RM-4: what this service hands over at the end of the work. */
    public record Records(String service, Instant exportedAt, List<TargetView> targets, List<PolicyView> policies,
            List<RunView> runs, List<DrillView> restoreDrills) {
    }
}
