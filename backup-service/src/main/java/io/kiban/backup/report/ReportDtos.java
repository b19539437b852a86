package io.kiban.backup.report;

import io.kiban.backup.drill.DrillDtos.DrillView;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunDtos.RunView;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetView;
import java.time.Instant;
import java.util.List;

final class ReportDtos {

    private ReportDtos() {}

    /**
     * R-BK-5: the environments whose backup copies may be asked for at removal: the two that hold
     * backups, and SHARED (the distribution board), which holds none — a value of its own so that
     * lifecycle-service's removal gate can ask for every environment alike. Any other value answers
     * 400 naming these (commons' EnumParamConverterProvider).
     */
    public enum CopyEnvironment {
        PRODUCTION,
        STAGING,
        SHARED;

        /** The targets' environment, or empty for SHARED (no target is ever in it). */
        public java.util.Optional<BackupTarget.Environment> targets() {
            return this == SHARED
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(BackupTarget.Environment.valueOf(name()));
        }
    }

    /** R-BK-5: a backup copy held on an array, and whether it is accounted for at removal. */
    public record BackupCopy(
            Long runId,
            Long targetId,
            String targetName,
            BackupTarget.ArrayKind array,
            String arrayHardwareId,
            BackupTarget.Environment environment,
            Long policyId,
            String driver,
            String reference,
            BackupRun.State state,
            Instant takenAt,
            Long bytes,
            boolean accountedFor,
            String accountedBy) {}

    /** R-RM-4: what this service hands over at the end of the work. */
    public record Records(
            String service,
            Instant exportedAt,
            List<TargetView> targets,
            List<PolicyView> policies,
            List<RunView> runs,
            List<DrillView> restoreDrills) {}
}
