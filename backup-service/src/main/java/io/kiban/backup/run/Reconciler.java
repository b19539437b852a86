package io.kiban.backup.run;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyDtos.BlackoutWindow;
import io.kiban.backup.policy.PolicyMapper;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.scheduling.PolicyScheduler;
import io.kiban.backup.support.BackupConfig;
import io.kiban.backup.support.Crons;
import io.kiban.backup.target.TargetRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * R-BK-3: the ledger misses nothing. At start-up and then periodically (once per pass across the
 * cluster, through the clustered scheduler) it
 * <ol>
 * <li>fails RUNNING runs whose instance stopped heartbeating,</li>
 * <li>computes every fire time of every active policy from its cron, between the last reconciled time
 * (or the policy's creation or resume) and now minus a grace period, and records MISSED each one
 * with no ledger row — including times that passed while the service was down,</li>
 * <li>starts at most one catch-up run per target when the policy asks (no thundering herd),</li>
 * <li>refreshes the last-success gauges from the ledger.</li>
 * </ol>
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    public record Summary(int abandoned, int missed, int catchUps) {
    }

    private record PolicyWindow(long id, String cron, String zone, Instant from, boolean catchUp, String driver,
            List<Long> targetIds, List<BlackoutWindow> blackouts) {
    }

    private final RunLedger ledger;
    private final RunRepository runs;
    private final PolicyRepository policies;
    private final TargetRepository targets;
    private final PolicyMapper mapper;
    private final PolicyScheduler scheduler;
    private final BackupMetrics metrics;
    private final BackupConfig config;
    private final Clock clock;

    public Reconciler(RunLedger ledger, RunRepository runs, PolicyRepository policies, TargetRepository targets,
            PolicyMapper mapper, PolicyScheduler scheduler, BackupMetrics metrics, BackupConfig config, Clock clock) {
        this.ledger = ledger;
        this.runs = runs;
        this.policies = policies;
        this.targets = targets;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::ensureScheduled);
            Summary summary = reconcile();
            LOG.infof("start-up reconciliation: %s", summary);
        } catch (RuntimeException e) {
            LOG.error("start-up reconciliation failed; the periodic pass will retry", e);
        }
    }

    @Scheduled(identity = "backup-reconciler", every = "${kiban.backup.reconcile-every:60s}",
            delayed = "${kiban.backup.reconcile-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        reconcile();
    }

    public Summary reconcile() {
        return reconcile(clock.instant());
    }

    public synchronized Summary reconcile(Instant now) {
        int abandoned = 0;
        Instant heartbeatBefore = now.minus(config.runLease());
        List<Long> stale = QuarkusTransaction.requiringNew().call(
                () -> runs.staleRunning(heartbeatBefore).stream().map(r -> r.id).toList());
        for (Long runId : stale) {
            if (ledger.abandon(runId, heartbeatBefore)) {
                abandoned++;
                long targetId = QuarkusTransaction.requiringNew().call(() -> runs.findById(runId).targetId);
                metrics.failed(targetId);
            }
        }
        int missed = 0;
        int catchUps = 0;
        Instant until = now.minus(config.missedGrace()).truncatedTo(ChronoUnit.MILLIS);
        for (PolicyWindow policy : activePolicies()) {
            if (!policy.from().isBefore(until)) {
                continue;
            }
            try {
                List<Instant> times = Crons.between(policy.cron(), policy.zone(), policy.from(), until,
                        config.reconcileLimit());
                Instant reached = times.size() == config.reconcileLimit() ? times.get(times.size() - 1) : until;
                for (Long targetId : policy.targetIds()) {
                    int n = times.isEmpty() ? 0 : ledger.recordMissed(policy.id(), targetId, times, policy.driver(),
                            t -> policy.blackouts().stream().anyMatch(w -> !t.isBefore(w.from().toInstant())
                                    && t.isBefore(w.until().toInstant())));
                    if (n > 0) {
                        missed += n;
                        metrics.missed(targetId, n);
                        if (policy.catchUp()) {
                            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                            QuarkusTransaction.requiringNew().run(() -> scheduler.fireOnce(policy.id(),
                                    BackupRun.Trigger.CATCH_UP, at, "reconciler", targetId));
                            catchUps++;
                        }
                    }
                }
                ledger.reconciledUntil(policy.id(), reached);
            } catch (RuntimeException e) {
                LOG.warnf(e, "reconciliation of policy %d failed; next pass retries", policy.id());
            }
        }
        refreshGauges();
        return new Summary(abandoned, missed, catchUps);
    }

    private List<PolicyWindow> activePolicies() {
        return QuarkusTransaction.requiringNew().call(() -> policies.list("paused = false").stream()
                .map(p -> new PolicyWindow(p.id, p.cron, p.timeZone, from(p), p.catchUp, p.driver,
                        p.targets.stream().map(t -> t.id).toList(), mapper.blackouts(p)))
                .toList());
    }

    private static Instant from(BackupPolicy p) {
        return p.reconciledUntil != null && p.reconciledUntil.isAfter(p.scheduleFrom) ? p.reconciledUntil
                : p.scheduleFrom;
    }

    /** Policies whose Quartz job is missing (the QRTZ tables were restored, say) are scheduled again. */
    void ensureScheduled() {
        Instant now = clock.instant();
        for (BackupPolicy p : policies.list("paused = false")) {
            if (!scheduler.isScheduled(p.id)) {
                LOG.warnf("policy %d had no trigger; scheduling it again", p.id);
                scheduler.schedule(p, now);
            }
        }
    }

    private void refreshGauges() {
        QuarkusTransaction.requiringNew().run(() -> targets.listAll().forEach(t -> runs.lastSuccess(t.id)
                .ifPresent(r -> metrics.lastSuccess(t.id, t.name, r.endedAt))));
    }
}
