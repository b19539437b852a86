package io.kiban.backup.run;

import java.time.Instant;

public final class RunDtos {

    private RunDtos() {}

    public record RunView(
            Long id,
            Long policyId,
            Long targetId,
            Instant expectedFireTime,
            BackupRun.Trigger trigger,
            BackupRun.State state,
            String instanceId,
            Instant startedAt,
            Instant endedAt,
            Instant heartbeatAt,
            Long bytes,
            String driver,
            String driverReference,
            String error,
            String note,
            String requestedBy,
            Long ticketId,
            Instant prunedAt,
            Instant recordedAt) {

        public static RunView of(BackupRun r) {
            return new RunView(
                    r.id,
                    r.policyId,
                    r.targetId,
                    r.expectedFireTime,
                    r.trigger,
                    r.state,
                    r.instanceId,
                    r.startedAt,
                    r.endedAt,
                    r.heartbeatAt,
                    r.bytes,
                    r.driver,
                    r.driverReference,
                    r.error,
                    r.note,
                    r.requestedBy,
                    r.ticketId,
                    r.prunedAt,
                    r.recordedAt);
        }
    }
}
