package io.kiban.backup.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RunRepository implements PanacheRepository<BackupRun> {

    public boolean exists(long policyId, long targetId, Instant expected) {
        return count(
                        "policyId = ?1 and targetId = ?2 and expectedFireTime = ?3",
                        policyId,
                        targetId,
                        expected)
                > 0;
    }

    public Optional<BackupRun> at(long policyId, long targetId, Instant expected) {
        return find(
                        "policyId = ?1 and targetId = ?2 and expectedFireTime = ?3",
                        policyId,
                        targetId,
                        expected)
                .firstResultOptional();
    }

    public Optional<BackupRun> running(long targetId) {
        return find("runningTargetId", targetId).firstResultOptional();
    }

    public Optional<BackupRun> lastInState(long targetId, BackupRun.State state) {
        return find(
                        "targetId = ?1 and state = ?2 order by coalesce(endedAt, expectedFireTime) desc, id desc",
                        targetId,
                        state)
                .firstResultOptional();
    }

    public Optional<BackupRun> lastSuccess(long targetId) {
        return lastInState(targetId, BackupRun.State.SUCCEEDED);
    }

    public Optional<BackupRun> lastRun(long targetId) {
        return find("targetId = ?1 order by expectedFireTime desc, id desc", targetId)
                .firstResultOptional();
    }

    public long countInState(long targetId, BackupRun.State state) {
        return count("targetId = ?1 and state = ?2", targetId, state);
    }

    /** Runs of one policy and target that hold a copy, newest first. */
    public List<BackupRun> copies(long policyId, long targetId) {
        return list(
                "policyId = ?1 and targetId = ?2 and state in ?3 and driverReference is not null "
                        + "order by coalesce(endedAt, expectedFireTime) desc, id desc",
                policyId,
                targetId,
                BackupRun.State.HOLDS_COPY);
    }

    public List<BackupRun> staleRunning(Instant heartbeatBefore) {
        return list(
                "state = ?1 and (heartbeatAt < ?2 or (heartbeatAt is null and recordedAt < ?2))",
                BackupRun.State.RUNNING,
                heartbeatBefore);
    }
}
