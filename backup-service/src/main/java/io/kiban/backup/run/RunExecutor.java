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
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Runs one firing of a policy: for each target, decides (blackout, maintenance hold, overlap), records
 * the ledger row, drives the backup to a terminal state, then applies retention.
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
    private final ExecutorService parallel = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "backup-run");
        thread.setDaemon(true);
        return thread;
    });

    public RunExecutor(RunLedger ledger, DriverRegistry drivers, MaintenanceGateway maintenance, Retention retention,
            BackupMetrics metrics, BackupConfig config, Clock clock) {
        this.ledger = ledger;
        this.drivers = drivers;
        this.maintenance = maintenance;
        this.retention = retention;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    public void fire(long policyId, Instant expected, BackupRun.Trigger trigger, String requestedBy, Long onlyTarget,
            String instanceId) {
        Optional<RunLedger.Plan> plan = ledger.plan(policyId);
        if (plan.isEmpty()) {
            LOG.warnf("policy %d fired but no longer exists", policyId);
            return;
        }
        PolicyView policy = plan.get().policy();
        if (trigger == BackupRun.Trigger.SCHEDULE && policy.paused()) {
            return;
        }
        // every target's fire time is recorded first, then the runs go in parallel: a slow target must
        // neither delay the others' start nor leave their fire times to be taken for missed
        List<Runnable> runs = new ArrayList<>();
        for (TargetView target : plan.get().targets()) {
            if (onlyTarget != null && !onlyTarget.equals(target.id())) {
                continue;
            }
            try {
                open(policy, target, expected, trigger, requestedBy, instanceId)
                        .ifPresent(runId -> runs.add(() -> execute(runId, policy, target)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "run of policy %d for target %d at %s could not be recorded", policyId, target.id(),
                        expected);
            }
        }
        if (runs.size() == 1) {
            runs.get(0).run();
        } else if (!runs.isEmpty()) {
            CompletableFuture.allOf(runs.stream().map(r -> CompletableFuture.runAsync(r, parallel))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    @PreDestroy
    void stop() {
        parallel.shutdown();
    }

    private Optional<Long> open(PolicyView policy, TargetView target, Instant expected, BackupRun.Trigger trigger,
            String requestedBy, String instanceId) {
        BackupRun.State skip = null;
        String note = null;
        Instant now = clock.instant();
        Optional<BlackoutWindow> blackout = blackout(policy, now);
        if (blackout.isPresent()) {
            skip = BackupRun.State.SKIPPED_BLACKOUT;
            note = "blackout window " + blackout.get().from() + " – " + blackout.get().until()
                    + (blackout.get().reason() == null ? "" : ": " + blackout.get().reason());
        } else if (policy.holdDuringMaintenance()) {
            MaintenanceGateway.Hold hold = maintenance.hold(target.arrayHardwareId());
            skip = hold.held() ? BackupRun.State.SKIPPED_HOLD : null;
            note = hold.note();
        }
        return ledger.open(policy.id(), target.id(), expected, trigger, policy.driver(), requestedBy, instanceId, skip,
                note).map(RunLedger.Opened::runId);
    }

    private void execute(long runId, PolicyView policy, TargetView target) {
        try {
            drive(runId, policy, target);
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %d could not be completed; the reconciler will fail it when its lease ends", runId);
        }
    }

    private void drive(long runId, PolicyView policy, TargetView target) {
        Instant started = Instant.now();
        Duration window = Duration.ofMinutes(policy.completionWindowMinutes());
        AtomicReference<String> reference = new AtomicReference<>();
        BackupDriver.Progress progress = new BackupDriver.Progress() {
            private Instant lastBeat = Instant.now();

            @Override
            public void beat() {
                if (Duration.between(lastBeat, Instant.now()).compareTo(config.heartbeatEvery()) >= 0) {
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
            outcome = BackupDriver.Outcome.failed(null, "driver " + policy.driver() + " is not available");
        } else {
            try {
                outcome = driver.get().backup(new BackupDriver.Request(runId, policy.id(), target, policy.level(),
                        policy.driverSettings(), ttl(policy), started.plus(window)), progress);
            } catch (RuntimeException e) {
                LOG.warnf(e, "run %d: driver %s failed", runId, policy.driver());
                outcome = BackupDriver.Outcome.failed(reference.get(), e.getClass().getSimpleName() + ": "
                        + e.getMessage());
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
                .filter(w -> !at.isBefore(w.from().toInstant()) && at.isBefore(w.until().toInstant()))
                .findFirst();
    }

    /** How long the driver's own store should keep a copy: a safety net well beyond what retention keeps. */
    Duration ttl(PolicyView policy) {
        Duration interval = Crons.interval(policy.cron(), policy.timeZone(), clock.instant());
        Duration keep = interval.multipliedBy(policy.retention().keepLast() + 1L);
        keep = max(keep, Duration.ofDays(policy.retention().daily() == null ? 0 : policy.retention().daily() + 1L));
        keep = max(keep, Duration.ofDays(7L * (policy.retention().weekly() == null ? 0
                : policy.retention().weekly() + 1L)));
        keep = max(keep, Duration.ofDays(31L * (policy.retention().monthly() == null ? 0
                : policy.retention().monthly() + 1L)));
        return max(keep.multipliedBy(2), Duration.ofHours(1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
