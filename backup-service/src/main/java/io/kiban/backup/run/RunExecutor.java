package io.kiban.backup.run;

import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.driver.DriverRegistry;
import io.kiban.backup.policy.PolicyDtos.BlackoutWindow;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.remote.MaintenanceGateway;
import io.kiban.backup.support.BackupConfig;
import io.kiban.backup.support.Crons;
import io.kiban.backup.target.TargetDtos.TargetView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Runs one firing of a policy: for each target, decides (blackout, maintenance hold, overlap),
 * records the ledger row, drives the backup to a terminal state, then applies retention.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);

    private final RunLedger ledger;
    private final DriverRegistry drivers;
    private final MaintenanceGateway maintenance;
    private final Retention retention;
    private final BackupMetrics metrics;
    private final BackupConfig config;
    private final Clock clock;

    /**
     * Where runs are driven once they are recorded RUNNING, so that the scheduler's threads go
     * straight back to the next fire times (a run is late only by its bookkeeping, not by the runs
     * ahead of it). Bounded: when every runner is busy, the scheduler's thread drives the run
     * itself, which holds back further firings.
     */
    private final ThreadPoolExecutor runners;

    /** Where the policies of one schedule's fire time are recorded side by side. */
    private final ExecutorService openers;

    public RunExecutor(
            RunLedger ledger,
            DriverRegistry drivers,
            MaintenanceGateway maintenance,
            Retention retention,
            BackupMetrics metrics,
            BackupConfig config,
            Clock clock) {
        this.ledger = ledger;
        this.drivers = drivers;
        this.maintenance = maintenance;
        this.retention = retention;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.openers =
                Executors.newFixedThreadPool(
                        config.fireParallelism(),
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "backup-fire-" + n.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        this.runners =
                new ThreadPoolExecutor(
                        0,
                        config.maxParallelRuns(),
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "backup-run-" + n.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        },
                        new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public void fire(
            long policyId,
            Instant expected,
            BackupRun.Trigger trigger,
            String requestedBy,
            Long onlyTarget,
            String instanceId) {
        Optional<RunLedger.Plan> plan = ledger.plan(policyId);
        if (plan.isEmpty()) {
            LOG.warnf("policy %d fired but no longer exists", policyId);
            return;
        }
        fire(plan.get(), expected, trigger, requestedBy, onlyTarget, instanceId);
    }

    /**
     * A schedule's fire time (R-BK-1): every active policy on that cron expression and zone whose
     * schedule began before it has its targets' runs recorded — in batches of {@value #BATCH},
     * several batches side by side, one transaction each — and only then are the runs started: runs
     * already driving would take the database connections and the processor from the recording of
     * the rest (measured: the last batches of 1,000 policies were recorded 8 s late). Returns when
     * all are recorded and handed to the runners.
     */
    public int fireGroup(String cron, String zone, Instant expected, String instanceId) {
        metrics.lateness("picked-up", Duration.between(expected, clock.instant()));
        List<RunLedger.Plan> plans = ledger.plans(cron, zone, expected);
        java.util.Map<String, MaintenanceGateway.Hold> holds =
                new java.util.concurrent.ConcurrentHashMap<>();
        List<Prepared> all = new ArrayList<>();
        for (RunLedger.Plan plan : plans) {
            all.addAll(
                    prepare(
                            plan,
                            expected,
                            BackupRun.Trigger.SCHEDULE,
                            null,
                            null,
                            instanceId,
                            holds));
        }
        List<CompletableFuture<List<Runnable>>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Prepared> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            batches.add(CompletableFuture.supplyAsync(() -> record(batch, expected), openers));
        }
        CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
        batches.forEach(batch -> batch.join().forEach(runners::execute));
        return plans.size();
    }

    private static final int BATCH = 50;

    /** A run about to be recorded, with what its execution needs. */
    private record Prepared(RunLedger.Opening opening, PolicyView policy, TargetView target) {}

    private void fire(
            RunLedger.Plan plan,
            Instant expected,
            BackupRun.Trigger trigger,
            String requestedBy,
            Long onlyTarget,
            String instanceId) {
        if (trigger == BackupRun.Trigger.SCHEDULE && plan.policy().paused()) {
            return;
        }
        record(
                        prepare(
                                plan,
                                expected,
                                trigger,
                                requestedBy,
                                onlyTarget,
                                instanceId,
                                new java.util.HashMap<>()),
                        expected)
                .forEach(runners::execute);
    }

    /**
     * Decides per target (blackout, maintenance hold — asked once per array and firing) what is to
     * be recorded.
     */
    private List<Prepared> prepare(
            RunLedger.Plan plan,
            Instant expected,
            BackupRun.Trigger trigger,
            String requestedBy,
            Long onlyTarget,
            String instanceId,
            java.util.Map<String, MaintenanceGateway.Hold> holds) {
        PolicyView policy = plan.policy();
        List<Prepared> prepared = new ArrayList<>();
        Instant now = clock.instant();
        Optional<BlackoutWindow> blackout = blackout(policy, now);
        for (TargetView target : plan.targets()) {
            if (onlyTarget != null && !onlyTarget.equals(target.id())) {
                continue;
            }
            BackupRun.State skip = null;
            String note = null;
            if (blackout.isPresent()) {
                skip = BackupRun.State.SKIPPED_BLACKOUT;
                note =
                        "blackout window "
                                + blackout.get().from()
                                + " – "
                                + blackout.get().until()
                                + (blackout.get().reason() == null
                                        ? ""
                                        : ": " + blackout.get().reason());
            } else if (policy.holdDuringMaintenance()) {
                MaintenanceGateway.Hold hold =
                        holds.computeIfAbsent(target.arrayHardwareId(), maintenance::hold);
                skip = hold.held() ? BackupRun.State.SKIPPED_HOLD : null;
                note = hold.note();
            }
            prepared.add(
                    new Prepared(
                            new RunLedger.Opening(
                                    policy.id(),
                                    target.id(),
                                    expected,
                                    trigger,
                                    policy.driver(),
                                    requestedBy,
                                    instanceId,
                                    skip,
                                    note),
                            policy,
                            target));
        }
        return prepared;
    }

    /**
     * Records the runs (one transaction) and answers the executions of those RUNNING, to be handed
     * to the runners: every target's fire time is recorded first, so a slow target neither delays
     * the others' start nor leaves their fire times to be taken for missed.
     */
    private List<Runnable> record(List<Prepared> prepared, Instant expected) {
        List<Runnable> executions = new ArrayList<>();
        if (prepared.isEmpty()) {
            return executions;
        }
        List<RunLedger.Opened> opened;
        try {
            opened = ledger.openAll(prepared.stream().map(Prepared::opening).toList());
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "%d run(s) at %s could not be recorded; the reconciler records them MISSED",
                    prepared.size(),
                    expected);
            return executions;
        }
        for (int i = 0; i < prepared.size(); i++) {
            RunLedger.Opened o = opened.get(i);
            if (o == null) {
                continue;
            }
            if (prepared.get(i).opening().trigger() == BackupRun.Trigger.SCHEDULE) {
                metrics.lateness("started", Duration.between(expected, o.startedAt()));
            }
            if (o.runId() != null) {
                Prepared p = prepared.get(i);
                long runId = o.runId();
                executions.add(() -> execute(runId, p.policy(), p.target()));
            }
        }
        return executions;
    }

    /**
     * On shutdown, runs in progress get a little time to finish; what does not is failed by the
     * reconciler.
     */
    @PreDestroy
    void stop() {
        openers.shutdown();
        runners.shutdown();
        try {
            if (!runners.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf(
                        "%d backup run(s) still in progress at shutdown; the reconciler fails them when their "
                                + "lease ends",
                        runners.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(long runId, PolicyView policy, TargetView target) {
        try {
            drive(runId, policy, target);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "run %d could not be completed; the reconciler will fail it when its lease ends",
                    runId);
        }
    }

    private void drive(long runId, PolicyView policy, TargetView target) {
        Instant started = Instant.now();
        Duration window = Duration.ofMinutes(policy.completionWindowMinutes());
        AtomicReference<String> reference = new AtomicReference<>();
        BackupDriver.Progress progress =
                new BackupDriver.Progress() {
                    private Instant lastBeat = Instant.now();

                    @Override
                    public void beat() {
                        if (Duration.between(lastBeat, Instant.now())
                                        .compareTo(config.heartbeatEvery())
                                >= 0) {
                            lastBeat = Instant.now();
                            ledger.beat(runId);
                        }
                    }

                    @Override
                    public void reference(String ref) {
                        reference.set(ref);
                        ledger.reference(runId, ref);
                    }
                };
        BackupDriver.Outcome outcome;
        Optional<BackupDriver> driver = drivers.find(policy.driver());
        if (driver.isEmpty()) {
            outcome =
                    BackupDriver.Outcome.failed(
                            null, "driver " + policy.driver() + " is not available");
        } else {
            try {
                outcome =
                        driver.get()
                                .backup(
                                        new BackupDriver.Request(
                                                runId,
                                                policy.id(),
                                                target.forDriver(),
                                                BackupDriver.Level.valueOf(policy.level().name()),
                                                policy.driverSettings(),
                                                ttl(policy),
                                                started.plus(window)),
                                        progress);
            } catch (RuntimeException e) {
                LOG.warnf(e, "run %d: driver %s failed", runId, policy.driver());
                outcome =
                        BackupDriver.Outcome.failed(
                                reference.get(),
                                e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        BackupRun run = ledger.finish(runId, outcome);
        switch (outcome.result()) {
            case SUCCEEDED -> metrics.lastSuccess(target.id(), target.name(), run.endedAt);
            default -> metrics.failed(target.id());
        }
        if (outcome.result() == BackupDriver.Result.SUCCEEDED) {
            try {
                retention.prune(policy.id(), target.id());
            } catch (RuntimeException e) {
                LOG.warnf(e, "retention of policy %d target %d failed", policy.id(), target.id());
            }
        }
    }

    static Optional<BlackoutWindow> blackout(PolicyView policy, Instant at) {
        return policy.blackoutWindows().stream()
                .filter(
                        w ->
                                !at.isBefore(w.from().toInstant())
                                        && at.isBefore(w.until().toInstant()))
                .findFirst();
    }

    /**
     * How long the driver's own store should keep a copy: a safety net well beyond what retention
     * keeps.
     */
    Duration ttl(PolicyView policy) {
        Duration interval = Crons.interval(policy.cron(), policy.timeZone(), clock.instant());
        Duration keep = interval.multipliedBy(policy.retention().keepLast() + 1L);
        keep =
                max(
                        keep,
                        Duration.ofDays(
                                policy.retention().daily() == null
                                        ? 0
                                        : policy.retention().daily() + 1L));
        keep =
                max(
                        keep,
                        Duration.ofDays(
                                7L
                                        * (policy.retention().weekly() == null
                                                ? 0
                                                : policy.retention().weekly() + 1L)));
        keep =
                max(
                        keep,
                        Duration.ofDays(
                                31L
                                        * (policy.retention().monthly() == null
                                                ? 0
                                                : policy.retention().monthly() + 1L)));
        return max(keep.multipliedBy(2), Duration.ofHours(1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
