package io.kiban.backup.scheduling;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyDtos.BlackoutWindow;
import io.kiban.backup.policy.PolicyMapper;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.run.BackupMetrics;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunLedger;
import io.kiban.backup.run.RunRepository;
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
 *
 * <ol>
 *   <li>fails RUNNING runs whose instance stopped heartbeating,
 *   <li>computes every fire time of every active policy from its cron, between the last reconciled
 *       time (or the policy's creation or resume) and now minus a grace period, and records MISSED
 *       each one with no ledger row — including times that passed while the service was down,
 *   <li>starts at most one catch-up run per target when the policy asks (no thundering herd),
 *   <li>refreshes the last-success gauges from the ledger.
 * </ol>
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    public record Summary(int abandoned, int missed, int catchUps) {}

    private record PolicyWindow(
            long id,
            String cron,
            String zone,
            Instant from,
            boolean catchUp,
            String driver,
            List<Long> targetIds,
            List<BlackoutWindow> blackouts) {}

    private final RunLedger ledger;
    private final RunRepository runs;
    private final PolicyRepository policies;
    private final TargetRepository targets;
    private final PolicyMapper mapper;
    private final PolicyScheduler scheduler;
    private final BackupMetrics metrics;
    private final BackupConfig config;
    private final Clock clock;

    public Reconciler(
            RunLedger ledger,
            RunRepository runs,
            PolicyRepository policies,
            TargetRepository targets,
            PolicyMapper mapper,
            PolicyScheduler scheduler,
            BackupMetrics metrics,
            BackupConfig config,
            Clock clock) {
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

    @Scheduled(
            identity = "backup-reconciler",
            every = "${kiban.backup.reconcile-every:60s}",
            delayed = "${kiban.backup.reconcile-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        try {
            QuarkusTransaction.requiringNew().run(this::ensureScheduled);
        } catch (RuntimeException e) {
            LOG.warn("checking the schedule triggers failed; the next pass retries", e);
        }
        reconcile();
    }

    public Summary reconcile() {
        return reconcile(clock.instant());
    }

    public synchronized Summary reconcile(Instant now) {
        int abandoned = 0;
        Instant heartbeatBefore = now.minus(config.runLease());
        List<Long> stale =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        runs.staleRunning(heartbeatBefore).stream()
                                                .map(r -> r.id)
                                                .toList());
        for (Long runId : stale) {
            if (ledger.abandon(runId, heartbeatBefore)) {
                abandoned++;
                long targetId =
                        QuarkusTransaction.requiringNew().call(() -> runs.findById(runId).targetId);
                metrics.failed(targetId);
            }
        }
        int missed = 0;
        for (Long targetId : ledger.expireScheduled(now.minus(config.missedGrace()))) {
            missed++;
            metrics.missed(targetId, 1);
        }
        int catchUps = 0;
        Instant until = now.minus(config.missedGrace()).truncatedTo(ChronoUnit.MILLIS);
        for (PolicyWindow policy : activePolicies()) {
            if (!policy.from().isBefore(until)) {
                continue;
            }
            try {
                List<Instant> times =
                        Crons.between(
                                policy.cron(),
                                policy.zone(),
                                policy.from(),
                                until,
                                config.reconcileLimit());
                Instant reached =
                        times.size() == config.reconcileLimit()
                                ? times.get(times.size() - 1)
                                : until;
                for (Long targetId : policy.targetIds()) {
                    int n =
                            times.isEmpty()
                                    ? 0
                                    : ledger.recordMissed(
                                            policy.id(),
                                            targetId,
                                            times,
                                            policy.driver(),
                                            t ->
                                                    policy.blackouts().stream()
                                                            .anyMatch(
                                                                    w ->
                                                                            !t.isBefore(
                                                                                            w.from()
                                                                                                    .toInstant())
                                                                                    && t.isBefore(
                                                                                            w.until()
                                                                                                    .toInstant())));
                    if (n > 0) {
                        missed += n;
                        metrics.missed(targetId, n);
                        if (policy.catchUp()) {
                            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                            boolean queued =
                                    QuarkusTransaction.requiringNew()
                                            .call(
                                                    () -> {
                                                        if (ledger.schedule(
                                                                        policy.id(),
                                                                        targetId,
                                                                        at,
                                                                        BackupRun.Trigger.CATCH_UP,
                                                                        policy.driver(),
                                                                        "reconciler",
                                                                        null,
                                                                        "one catch-up after "
                                                                                + n
                                                                                + " missed fire time(s)")
                                                                .isEmpty()) {
                                                            return false;
                                                        }
                                                        scheduler.fireOnce(
                                                                policy.id(),
                                                                BackupRun.Trigger.CATCH_UP,
                                                                at,
                                                                "reconciler",
                                                                targetId);
                                                        return true;
                                                    });
                            catchUps += queued ? 1 : 0;
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
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                policies.list("paused = false").stream()
                                        .map(
                                                p ->
                                                        new PolicyWindow(
                                                                p.id,
                                                                p.cron,
                                                                p.timeZone,
                                                                from(p),
                                                                p.catchUp,
                                                                p.driver,
                                                                p.targets.stream()
                                                                        .map(t -> t.id)
                                                                        .toList(),
                                                                mapper.blackouts(p)))
                                        .toList());
    }

    private static Instant from(BackupPolicy p) {
        return p.reconciledUntil != null && p.reconciledUntil.isAfter(p.scheduleFrom)
                ? p.reconciledUntil
                : p.scheduleFrom;
    }

    /**
     * Policies whose Quartz job or schedule trigger is missing (the QRTZ tables were restored, say)
     * are scheduled again; triggers of schedules no active policy uses, and per-policy triggers of
     * earlier versions, go.
     */
    public void ensureScheduled() {
        Instant now = clock.instant();
        java.util.Set<String> active = new java.util.HashSet<>();
        List<Object[]> schedules =
                policies.getEntityManager()
                        .createQuery(
                                "select p.cron, p.timeZone, min(p.id) from BackupPolicy p where p.paused = false "
                                        + "group by p.cron, p.timeZone",
                                Object[].class)
                        .getResultList();
        for (Object[] schedule : schedules) {
            String cron = (String) schedule[0];
            String zone = (String) schedule[1];
            active.add(PolicyScheduler.groupName(cron, zone));
            if (!scheduler.isScheduled(cron, zone)) {
                LOG.warnf(
                        "schedule %s %s (policy %d and others) had no trigger; scheduling it again",
                        cron, zone, schedule[2]);
                scheduler.schedule(policies.findById((Long) schedule[2]), now);
            }
        }
        int removed = scheduler.tidy(active);
        if (removed > 0) {
            LOG.infof("removed %d schedule trigger(s) no active policy uses", removed);
        }
    }

    private void refreshGauges() {
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                targets.listAll()
                                        .forEach(
                                                t ->
                                                        runs.lastSuccess(t.id)
                                                                .ifPresent(
                                                                        r ->
                                                                                metrics.lastSuccess(
                                                                                        t.id,
                                                                                        t.name,
                                                                                        r.endedAt))));
    }
}
