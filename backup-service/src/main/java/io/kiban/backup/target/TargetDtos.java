package io.kiban.backup.target;

import io.kiban.backup.driver.BackupDriver;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public final class TargetDtos {

    private TargetDtos() {}

    public record TargetInput(
            @NotNull BackupTarget.ArrayKind array,
            @NotBlank @Size(max = 64) String arrayHardwareId,
            @NotNull BackupTarget.Environment environment,
            @NotNull BackupTarget.Kind kind,
            @NotBlank @Size(max = 253) String name,
            @Size(max = 500) String pvcSelector,
            @Size(max = 500) String description) {}

    public record TargetView(
            Long id,
            BackupTarget.ArrayKind array,
            String arrayHardwareId,
            BackupTarget.Environment environment,
            BackupTarget.Kind kind,
            String name,
            String pvcSelector,
            String description,
            Instant createdAt,
            long version) {

        public static TargetView of(BackupTarget t) {
            return new TargetView(
                    t.id,
                    t.arrayKind,
                    t.arrayHardwareId,
                    t.environment,
                    t.kind,
                    t.name,
                    t.pvcSelector,
                    t.description,
                    t.createdAt,
                    t.version);
        }

        /** What a driver is told about this target. */
        public BackupDriver.Target forDriver() {
            return new BackupDriver.Target(
                    id,
                    BackupDriver.Target.ArrayKind.valueOf(array.name()),
                    arrayHardwareId,
                    environment.name(),
                    BackupDriver.Target.Kind.valueOf(kind.name()),
                    name,
                    pvcSelector);
        }
    }

    /** R-BK-3: how fresh a target's backups are. */
    public record TargetStatus(
            Long targetId,
            String name,
            Instant lastSuccessAt,
            Long lastSuccessRunId,
            String lastRunState,
            Instant lastRunAt,
            long missedRuns,
            long failedRuns,
            Instant lastMissedAt,
            Instant lastFailedAt,
            boolean running,
            Long rpoSeconds,
            boolean rpoBreached) {}
}
