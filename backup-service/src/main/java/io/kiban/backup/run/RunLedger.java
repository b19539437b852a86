package io.kiban.backup.run;

import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.policy.PolicyMapper;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.backup.target.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The run ledger's writes, each its own short transaction. Opening a run locks the target's row, so
 * across the cluster a target has at most one RUNNING run (the unique key on running_target_id backs
 * this up) and each (policy, target, expected fire time) is recorded once.
 */
@ApplicationScoped
public class RunLedger {

    /** A policy as the executor needs it, detached. */
    public record Plan(PolicyView policy, List<TargetView> targets) {
    }

    /** The outcome of opening: the run id when it is RUNNING and the caller must execute it. */
    public record Opened(Long runId, BackupRun.State state, Instant startedAt) {
    }

    private final RunRepository runs;
    private final TargetRepository targets;
    private final PolicyRepository policies;
    private final PolicyMapper mapper;
    private final Clock clock;

    public RunLedger(RunRepository runs, TargetRepository targets, PolicyRepository policies, PolicyMapper mapper,
            Clock clock) {
        this.runs = runs;
        this.targets = targets;
        this.policies = policies;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public Optional<Plan> plan(long policyId) {
        return policies.findByIdOptional(policyId).map(p -> new Plan(mapper.view(p, clock.instant()),
                p.targets.stream().map(TargetView::of).toList()));
    }

    /**
     * Records the fire time for the target: as {@code skip} when given, as SKIPPED_OVERLAP when another run
     * of the target is RUNNING anywhere, else as RUNNING on this instance. Empty when the fire time is
     * already recorded (another instance, or the reconciler, got there first).
     */
    @Transactional
    public Optional<Opened> open(long policyId, long targetId, Instant expected, BackupRun.Trigger trigger,
            String driver, String requestedBy, String instanceId, BackupRun.State skip, String note) {
        BackupTarget target = targets.getEntityManager().find(BackupTarget.class, targetId,
                LockModeType.PESSIMISTIC_WRITE);
        if (target == null || runs.exists(policyId, targetId, expected)) {
            return Optional.empty();
        }
        Instant now = now();
        BackupRun run = new BackupRun();
        run.policyId = policyId;
        run.targetId = targetId;
        run.expectedFireTime = expected;
        run.trigger = trigger;
        run.driver = driver;
        run.requestedBy = requestedBy;
        run.instanceId = instanceId;
        run.recordedAt = now;
        run.note = note;
        Optional<BackupRun> running = runs.running(targetId);
        if (skip != null) {
            run.state = skip;
            run.endedAt = now;
        } else if (running.isPresent()) {
            run.state = BackupRun.State.SKIPPED_OVERLAP;
            run.endedAt = now;
            run.note = join(note, "run " + running.get().id + " of policy " + running.get().policyId
                    + " is still RUNNING on " + running.get().instanceId);
        } else {
            run.state = BackupRun.State.RUNNING;
            run.runningTargetId = targetId;
            run.startedAt = now;
            run.heartbeatAt = now;
        }
        runs.persist(run);
        runs.flush();
        return Optional.of(new Opened(run.state == BackupRun.State.RUNNING ? run.id : null, run.state, now));
    }

    @Transactional
    public void beat(long runId) {
        runs.update("heartbeatAt = ?1 where id = ?2 and state = ?3", now(), runId, BackupRun.State.RUNNING);
    }

    @Transactional
    public void reference(long runId, String reference) {
        runs.update("driverReference = ?1, heartbeatAt = ?2 where id = ?3", reference, now(), runId);
    }

    /** Ends a run; a run the reconciler already gave up on keeps the real outcome and says so. */
    @Transactional
    public BackupRun finish(long runId, BackupDriver.Outcome outcome) {
        BackupRun run = runs.findById(runId);
        String late = run.state == BackupRun.State.RUNNING ? null
                : "finished after being recorded " + run.state + " (" + run.error + ")";
        run.state = BackupRun.State.valueOf(outcome.result().name());
        run.endedAt = now();
        run.runningTargetId = null;
        run.bytes = outcome.bytes();
        if (outcome.reference() != null) {
            run.driverReference = outcome.reference();
        }
        run.error = truncate(outcome.error(), 2000);
        run.note = truncate(join(join(run.note, outcome.note()), late), 1000);
        return run;
    }

    /** R-BK-3: a RUNNING run whose instance stopped heartbeating is FAILED with the reason. */
    @Transactional
    public boolean abandon(long runId, Instant heartbeatBefore) {
        BackupRun run = runs.getEntityManager().find(BackupRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.state != BackupRun.State.RUNNING
                || (run.heartbeatAt != null && !run.heartbeatAt.isBefore(heartbeatBefore))) {
            return false;
        }
        run.state = BackupRun.State.FAILED;
        run.endedAt = now();
        run.runningTargetId = null;
        run.error = "abandoned: instance " + run.instanceId + " stopped heartbeating (last heartbeat "
                + run.heartbeatAt + "); the backup's result is unknown";
        return true;
    }

    /**
     * R-BK-3: records every fire time in {@code times} that has no row for the target as MISSED (or
     * SKIPPED_BLACKOUT when a blackout window covered it). Returns how many were MISSED.
     */
    @Transactional
    public int recordMissed(long policyId, long targetId, List<Instant> times, String driver,
            java.util.function.Predicate<Instant> inBlackout) {
        BackupTarget target = targets.getEntityManager().find(BackupTarget.class, targetId,
                LockModeType.PESSIMISTIC_WRITE);
        if (target == null) {
            return 0;
        }
        int missed = 0;
        Instant now = now();
        for (Instant t : times) {
            if (runs.exists(policyId, targetId, t)) {
                continue;
            }
            BackupRun run = new BackupRun();
            run.policyId = policyId;
            run.targetId = targetId;
            run.expectedFireTime = t;
            run.trigger = BackupRun.Trigger.SCHEDULE;
            run.driver = driver;
            run.recordedAt = now;
            run.endedAt = now;
            if (inBlackout.test(t)) {
                run.state = BackupRun.State.SKIPPED_BLACKOUT;
                run.note = "recorded by the reconciler: no run at this time, which a blackout window covered";
            } else {
                run.state = BackupRun.State.MISSED;
                run.error = "no run started for this fire time (the scheduler or the service was down, or the "
                        + "trigger misfired)";
                missed++;
            }
            runs.persist(run);
        }
        return missed;
    }

    @Transactional
    public void reconciledUntil(long policyId, Instant until) {
        policies.update("reconciledUntil = ?1 where id = ?2 and (reconciledUntil is null or reconciledUntil < ?1)",
                until, policyId);
    }

    @Transactional
    public void pruned(long runId) {
        runs.update("state = ?1, prunedAt = ?2 where id = ?3", BackupRun.State.PRUNED, now(), runId);
    }

    @Transactional
    public void pruneFailed(long runId, String why) {
        BackupRun run = runs.findById(runId);
        run.note = truncate(join(run.note, "prune failed: " + why), 1000);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "; " + b;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
