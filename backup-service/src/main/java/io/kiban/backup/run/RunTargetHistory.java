package io.kiban.backup.run;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.support.Crons;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetStatus;
import io.kiban.backup.target.TargetHistory;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A target's policies and runs, read for the target package ({@link TargetHistory}). */
@ApplicationScoped
class RunTargetHistory implements TargetHistory {

    private final PolicyRepository policies;
    private final RunRepository runs;

    RunTargetHistory(PolicyRepository policies, RunRepository runs) {
        this.policies = policies;
        this.runs = runs;
    }

    @Override
    public void requireUnused(long id) {
        List<BackupPolicy> covering = policies.coveringTarget(id);
        if (!covering.isEmpty()) {
            throw ProblemException.conflict(
                    "target " + id + " is covered by policies; remove it from them first",
                    covering.stream()
                            .map(p -> Problem.Conflict.of("policy", String.valueOf(p.id), p.name))
                            .toList());
        }
        if (runs.count("targetId", id) > 0) {
            throw ProblemException.conflict(
                    "target " + id + " has runs in the ledger and stays for the record",
                    List.of(
                            Problem.Conflict.of(
                                    "backup-run",
                                    String.valueOf(runs.count("targetId", id)),
                                    "runs")));
        }
    }

    @Override
    public TargetStatus status(BackupTarget t, Instant now) {
        Optional<BackupRun> lastSuccess = runs.lastSuccess(t.id);
        Optional<BackupRun> lastRun = runs.lastRun(t.id);
        Optional<BackupRun> lastMissed = runs.lastInState(t.id, BackupRun.State.MISSED);
        Optional<BackupRun> lastFailed = runs.lastInState(t.id, BackupRun.State.FAILED);
        Duration rpo = rpo(t.id, now).orElse(null);
        boolean breached = false;
        if (rpo != null) {
            Instant since =
                    lastSuccess
                            .map(r -> r.endedAt)
                            .orElseGet(() -> earliestSchedule(t.id).orElse(now));
            breached = Duration.between(since, now).compareTo(rpo) > 0;
        }
        return new TargetStatus(
                t.id,
                t.name,
                lastSuccess.map(r -> r.endedAt).orElse(null),
                lastSuccess.map(r -> r.id).orElse(null),
                lastRun.map(r -> r.state.name()).orElse(null),
                lastRun.map(r -> r.expectedFireTime).orElse(null),
                runs.countInState(t.id, BackupRun.State.MISSED),
                runs.countInState(t.id, BackupRun.State.FAILED),
                lastMissed.map(r -> r.expectedFireTime).orElse(null),
                lastFailed.map(r -> r.expectedFireTime).orElse(null),
                runs.running(t.id).isPresent(),
                rpo == null ? null : rpo.toSeconds(),
                breached);
    }

    /** 1.5 × the shortest interval of the active policies covering the target. */
    private Optional<Duration> rpo(long targetId, Instant now) {
        return policies.coveringTarget(targetId).stream()
                .filter(p -> !p.paused)
                .map(p -> Crons.interval(p.cron, p.timeZone, now))
                .min(Duration::compareTo)
                .map(d -> d.multipliedBy(3).dividedBy(2));
    }

    private Optional<Instant> earliestSchedule(long targetId) {
        return policies.coveringTarget(targetId).stream()
                .filter(p -> !p.paused)
                .map(p -> p.scheduleFrom)
                .min(Instant::compareTo);
    }
}
