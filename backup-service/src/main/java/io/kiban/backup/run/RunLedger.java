package io.kiban.backup.run;

import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.policy.PolicyMapper;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.backup.target.TargetRepository;
import io.kiban.commons.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The run ledger's writes, each its own short transaction. What the service decides on its own — a
 * fire time recorded MISSED, a run abandoned, a copy pruned, a run queued before maintenance — is
 * also written to the audit trail (actor "system"); the runs a schedule starts and ends are not,
 * the ledger itself being their record (an audit entry each would serialise every firing on the
 * audit chain's head). Opening a run locks the target's row, so across the cluster a target has at
 * most one RUNNING run (the unique key on running_target_id backs this up) and each (policy,
 * target, expected fire time) is recorded once.
 */
@ApplicationScoped
public class RunLedger {

    /** A policy as the executor needs it, detached. */
    public record Plan(PolicyView policy, List<TargetView> targets) {}

    /** The outcome of opening: the run id when it is RUNNING and the caller must execute it. */
    public record Opened(Long runId, BackupRun.State state, Instant startedAt) {}

    private final RunRepository runs;
    private final TargetRepository targets;
    private final PolicyRepository policies;
    private final PolicyMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    public RunLedger(
            RunRepository runs,
            TargetRepository targets,
            PolicyRepository policies,
            PolicyMapper mapper,
            AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.runs = runs;
        this.targets = targets;
        this.policies = policies;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public Optional<Plan> plan(long policyId) {
        return policies.findByIdOptional(policyId)
                .map(
                        p ->
                                new Plan(
                                        mapper.view(p, clock.instant()),
                                        p.targets.stream().map(TargetView::of).toList()));
    }

    /**
     * The active policies of one schedule whose schedule began before {@code fireTime}, detached,
     * in one read.
     */
    @Transactional
    public List<Plan> plans(String cron, String zone, Instant fireTime) {
        Instant now = clock.instant();
        return policies
                .getEntityManager()
                .createQuery(
                        "select distinct p from BackupPolicy p left join fetch p.targets "
                                + "where p.paused = false and p.cron = ?1 and p.timeZone = ?2 and p.scheduleFrom < ?3 order by p.id",
                        BackupPolicy.class)
                .setParameter(1, cron)
                .setParameter(2, zone)
                .setParameter(3, fireTime)
                .getResultList()
                .stream()
                .map(
                        p ->
                                new Plan(
                                        mapper.view(p, now),
                                        p.targets.stream().map(TargetView::of).toList()))
                .toList();
    }

    /** One fire time of one policy for one target, to be recorded by {@link #openAll}. */
    public record Opening(
            long policyId,
            long targetId,
            Instant expected,
            BackupRun.Trigger trigger,
            String driver,
            String requestedBy,
            String instanceId,
            BackupRun.State skip,
            String note) {}

    /**
     * Records the fire time for the target: as {@code skip} when given, as SKIPPED_OVERLAP when
     * another run of the target is RUNNING anywhere, else as RUNNING on this instance. Empty when
     * the fire time is already recorded (another instance, or the reconciler, got there first).
     */
    @Transactional
    public Optional<Opened> open(
            long policyId,
            long targetId,
            Instant expected,
            BackupRun.Trigger trigger,
            String driver,
            String requestedBy,
            String instanceId,
            BackupRun.State skip,
            String note) {
        return Optional.ofNullable(
                openAll(
                                List.of(
                                        new Opening(
                                                policyId,
                                                targetId,
                                                expected,
                                                trigger,
                                                driver,
                                                requestedBy,
                                                instanceId,
                                                skip,
                                                note)))
                        .get(0));
    }

    /**
     * {@link #open} for many fire times in one transaction (a schedule's fire time across its
     * policies): the targets are locked in id order (so two batches never deadlock), what exists is
     * read in three queries, and one commit records them all. Answers, per opening and in order,
     * what was recorded — null where the fire time already had its row.
     */
    @Transactional
    public List<Opened> openAll(List<Opening> openings) {
        if (openings.isEmpty()) {
            return List.of();
        }
        var em = targets.getEntityManager();
        List<Long> targetIds =
                openings.stream().map(Opening::targetId).distinct().sorted().toList();
        java.util.Set<Long> locked = new java.util.HashSet<>();
        em.createQuery(
                        "select t from BackupTarget t where t.id in :ids order by t.id",
                        BackupTarget.class)
                .setParameter("ids", targetIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(t -> locked.add(t.id));
        List<Instant> times = openings.stream().map(Opening::expected).distinct().toList();
        java.util.Map<String, BackupRun> recorded = new java.util.HashMap<>();
        em.createQuery(
                        "select r from BackupRun r where r.targetId in :ids and r.expectedFireTime in :times",
                        BackupRun.class)
                .setParameter("ids", targetIds)
                .setParameter("times", times)
                .getResultList()
                .forEach(r -> recorded.put(key(r.policyId, r.targetId, r.expectedFireTime), r));
        java.util.Map<Long, BackupRun> running = new java.util.HashMap<>();
        em.createQuery("select r from BackupRun r where r.runningTargetId in :ids", BackupRun.class)
                .setParameter("ids", targetIds)
                .getResultList()
                .forEach(r -> running.put(r.runningTargetId, r));
        Instant now = now();
        List<Opened> opened = new java.util.ArrayList<>();
        for (Opening o : openings) {
            BackupRun queued = recorded.get(key(o.policyId(), o.targetId(), o.expected()));
            if (!locked.contains(o.targetId())
                    || (queued != null && queued.state != BackupRun.State.SCHEDULED)) {
                opened.add(null);
                continue;
            }
            BackupRun run = queued != null ? queued : new BackupRun();
            if (queued == null) {
                run.policyId = o.policyId();
                run.targetId = o.targetId();
                run.expectedFireTime = o.expected();
                run.trigger = o.trigger();
                run.requestedBy = o.requestedBy();
                run.recordedAt = now;
            }
            run.driver = o.driver();
            run.instanceId = o.instanceId();
            run.note = join(run.note, o.note());
            BackupRun other = running.get(o.targetId());
            if (o.skip() != null) {
                run.state = o.skip();
                run.endedAt = now;
            } else if (other != null) {
                run.state = BackupRun.State.SKIPPED_OVERLAP;
                run.endedAt = now;
                run.note =
                        join(
                                run.note,
                                "run "
                                        + (other.id == null
                                                ? "of policy "
                                                        + other.policyId
                                                        + " at the same "
                                                        + "fire time"
                                                : other.id + " of policy " + other.policyId)
                                        + " is still RUNNING on "
                                        + other.instanceId);
            } else {
                run.state = BackupRun.State.RUNNING;
                run.runningTargetId = o.targetId();
                run.startedAt = now;
                run.heartbeatAt = now;
                running.put(o.targetId(), run);
            }
            if (queued == null) {
                runs.persist(run);
            }
            recorded.put(key(o.policyId(), o.targetId(), o.expected()), run);
            opened.add(new Opened(null, run.state, now));
        }
        runs.flush();
        List<Opened> answer = new java.util.ArrayList<>(opened.size());
        int i = 0;
        for (Opening o : openings) {
            Opened x = opened.get(i++);
            BackupRun run =
                    x == null ? null : recorded.get(key(o.policyId(), o.targetId(), o.expected()));
            answer.add(
                    x == null
                            ? null
                            : new Opened(
                                    x.state() == BackupRun.State.RUNNING ? run.id : null,
                                    x.state(),
                                    x.startedAt()));
        }
        return answer;
    }

    private static String key(long policyId, long targetId, Instant expected) {
        return policyId + "/" + targetId + "@" + expected;
    }

    /**
     * Records a queued run (run now, catch-up, before maintenance) as SCHEDULED before the
     * clustered scheduler fires it, so that it is in the ledger from the moment it is asked for.
     * Empty when that policy, target and time already have a row (a retry, or another instance got
     * there first).
     */
    @Transactional
    public Optional<BackupRun> schedule(
            long policyId,
            long targetId,
            Instant expected,
            BackupRun.Trigger trigger,
            String driver,
            String requestedBy,
            Long ticketId,
            String note) {
        if (runs.exists(policyId, targetId, expected)) {
            return Optional.empty();
        }
        BackupRun run = new BackupRun();
        run.policyId = policyId;
        run.targetId = targetId;
        run.expectedFireTime = expected;
        run.trigger = trigger;
        run.state = BackupRun.State.SCHEDULED;
        run.driver = driver;
        run.requestedBy = requestedBy;
        run.ticketId = ticketId;
        run.note = note;
        run.recordedAt = now();
        runs.persist(run);
        runs.flush();
        return Optional.of(run);
    }

    /**
     * R-BK-3: a queued run that no instance started within the grace period is MISSED (its one-shot
     * trigger may still fire later; it then finds the run settled and does nothing). Returns the
     * target ids, one per run.
     */
    @Transactional
    public List<Long> expireScheduled(Instant queuedBefore) {
        List<BackupRun> stale =
                runs.list(
                        "state = ?1 and expectedFireTime < ?2",
                        BackupRun.State.SCHEDULED,
                        queuedBefore);
        Instant now = now();
        for (BackupRun run : stale) {
            run.state = BackupRun.State.MISSED;
            run.endedAt = now;
            run.error =
                    "queued ("
                            + run.trigger
                            + ") at "
                            + run.expectedFireTime
                            + " but no instance started it within the grace period";
            audit.append("record-missed", "backup-run", run.id, RunDtos.RunView.of(run));
        }
        return stale.stream().map(r -> r.targetId).toList();
    }

    @Transactional
    public void beat(long runId) {
        runs.update(
                "heartbeatAt = ?1 where id = ?2 and state = ?3",
                now(),
                runId,
                BackupRun.State.RUNNING);
    }

    @Transactional
    public void reference(long runId, String reference) {
        runs.update(
                "driverReference = ?1, heartbeatAt = ?2 where id = ?3", reference, now(), runId);
    }

    /** Ends a run; a run the reconciler already gave up on keeps the real outcome and says so. */
    @Transactional
    public BackupRun finish(long runId, BackupDriver.Outcome outcome) {
        BackupRun run = runs.findById(runId);
        String late =
                run.state == BackupRun.State.RUNNING
                        ? null
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
        BackupRun run =
                runs.getEntityManager()
                        .find(BackupRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null
                || run.state != BackupRun.State.RUNNING
                || (run.heartbeatAt != null && !run.heartbeatAt.isBefore(heartbeatBefore))) {
            return false;
        }
        run.state = BackupRun.State.FAILED;
        run.endedAt = now();
        run.runningTargetId = null;
        run.error =
                "abandoned: instance "
                        + run.instanceId
                        + " stopped heartbeating (last heartbeat "
                        + run.heartbeatAt
                        + "); the backup's result is unknown";
        audit.append("abandon", "backup-run", run.id, RunDtos.RunView.of(run));
        return true;
    }

    /**
     * R-BK-3: records every fire time in {@code times} that has no row for the target as MISSED (or
     * SKIPPED_BLACKOUT when a blackout window covered it). Returns how many were MISSED.
     */
    @Transactional
    public int recordMissed(
            long policyId,
            long targetId,
            List<Instant> times,
            String driver,
            java.util.function.Predicate<Instant> inBlackout) {
        BackupTarget target =
                targets.getEntityManager()
                        .find(BackupTarget.class, targetId, LockModeType.PESSIMISTIC_WRITE);
        if (target == null) {
            return 0;
        }
        int missed = 0;
        List<Instant> recordedMissed = new java.util.ArrayList<>();
        List<Instant> recordedBlackout = new java.util.ArrayList<>();
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
                run.note =
                        "recorded by the reconciler: no run at this time, which a blackout window covered";
                recordedBlackout.add(t);
            } else {
                run.state = BackupRun.State.MISSED;
                run.error =
                        "no run started for this fire time (the scheduler or the service was down, or the "
                                + "trigger misfired)";
                missed++;
                recordedMissed.add(t);
            }
            runs.persist(run);
        }
        if (!recordedMissed.isEmpty() || !recordedBlackout.isEmpty()) {
            audit.append(
                    "record-missed",
                    "backup-target",
                    targetId,
                    java.util.Map.of(
                            "policyId",
                            policyId,
                            "missed",
                            recordedMissed,
                            "skippedBlackout",
                            recordedBlackout));
        }
        return missed;
    }

    @Transactional
    public void reconciledUntil(long policyId, Instant until) {
        policies.update(
                "reconciledUntil = ?1 where id = ?2 and (reconciledUntil is null or reconciledUntil < ?1)",
                until,
                policyId);
    }

    @Transactional
    public void pruned(long runId) {
        BackupRun run = runs.findById(runId);
        run.state = BackupRun.State.PRUNED;
        run.prunedAt = now();
        audit.append("prune", "backup-run", runId, RunDtos.RunView.of(run));
    }

    @Transactional
    public void pruneFailed(long runId, String why) {
        BackupRun run = runs.findById(runId);
        run.note = truncate(join(run.note, "prune failed: " + why), 1000);
        audit.append("prune-failed", "backup-run", runId, RunDtos.RunView.of(run));
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
