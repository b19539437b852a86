package io.kiban.backup.scheduling;

import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.remote.MaintenanceGateway;
import io.kiban.backup.remote.MaintenanceGateway.AcknowledgedTicket;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunDtos;
import io.kiban.backup.run.RunLedger;
import io.kiban.commons.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The backup before maintenance: for each active policy that asks for it, maintenance-service is
 * asked (service token) for tickets ACKNOWLEDGED on the arrays of the policy's targets; each such
 * ticket gets one PRE_MAINTENANCE run per target, recorded SCHEDULED (expected time = the ticket's
 * acknowledgement, so that a ticket is backed up once however many passes or instances see it) and
 * fired on the clustered scheduler. The pass runs once per interval across the cluster. When
 * maintenance-service cannot answer, nothing is queued for that array and the next pass asks again;
 * a ticket that went IN_PROGRESS before a pass saw it gets no backup before maintenance (the hold,
 * if the policy has one, then applies to its scheduled runs).
 */
@ApplicationScoped
public class PreMaintenanceBackups {

    private static final Logger LOG = Logger.getLogger(PreMaintenanceBackups.class);

    private record Wanted(long policyId, String driver, long targetId, String array) {}

    private final PolicyRepository policies;
    private final MaintenanceGateway maintenance;
    private final RunLedger ledger;
    private final PolicyScheduler scheduler;
    private final AuditTrail audit;

    public PreMaintenanceBackups(
            PolicyRepository policies,
            MaintenanceGateway maintenance,
            RunLedger ledger,
            PolicyScheduler scheduler,
            AuditTrail audit) {
        this.policies = policies;
        this.maintenance = maintenance;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    @Scheduled(
            identity = "backup-pre-maintenance",
            every = "${kiban.backup.pre-maintenance-every:30s}",
            delayed = "${kiban.backup.pre-maintenance-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        pass();
    }

    /** One pass; returns the ids of the runs it queued. */
    public synchronized List<Long> pass() {
        List<Wanted> wanted =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        policies
                                                .list(
                                                        "paused = false and backupBeforeMaintenance = true")
                                                .stream()
                                                .flatMap(
                                                        p ->
                                                                p.targets.stream()
                                                                        .map(
                                                                                t ->
                                                                                        new Wanted(
                                                                                                p.id,
                                                                                                p.driver,
                                                                                                t.id,
                                                                                                t.arrayHardwareId)))
                                                .toList());
        Map<String, List<AcknowledgedTicket>> byArray = new LinkedHashMap<>();
        List<Long> queued = new java.util.ArrayList<>();
        for (Wanted w : wanted) {
            List<AcknowledgedTicket> tickets =
                    byArray.computeIfAbsent(
                            w.array(),
                            array -> {
                                try {
                                    return maintenance.acknowledged(array);
                                } catch (RuntimeException e) {
                                    LOG.warnf(
                                            "maintenance-service could not list the tickets of array %s (%s); no backup before "
                                                    + "maintenance is queued for it in this pass",
                                            array, e.getMessage());
                                    return List.of();
                                }
                            });
            for (AcknowledgedTicket ticket : tickets) {
                try {
                    QuarkusTransaction.requiringNew()
                            .call(() -> queue(w, ticket))
                            .ifPresent(queued::add);
                } catch (RuntimeException e) {
                    LOG.warnf(
                            e,
                            "backup before maintenance of ticket %d, target %d could not be queued; next pass "
                                    + "retries",
                            ticket.id(),
                            w.targetId());
                }
            }
        }
        return queued;
    }

    private java.util.Optional<Long> queue(Wanted w, AcknowledgedTicket ticket) {
        var at = ticket.acknowledgedAt().truncatedTo(ChronoUnit.MILLIS);
        String by = "maintenance ticket " + ticket.id();
        return ledger.schedule(
                        w.policyId(),
                        w.targetId(),
                        at,
                        BackupRun.Trigger.PRE_MAINTENANCE,
                        w.driver(),
                        by,
                        ticket.id(),
                        "backup before the maintenance of ticket "
                                + ticket.id()
                                + " on array "
                                + w.array())
                .map(
                        run -> {
                            scheduler.fireOnce(
                                    w.policyId(),
                                    BackupRun.Trigger.PRE_MAINTENANCE,
                                    at,
                                    by,
                                    w.targetId());
                            audit.append(
                                    "queue-pre-maintenance",
                                    "backup-run",
                                    run.id,
                                    RunDtos.RunView.of(run));
                            LOG.infof(
                                    "backup before maintenance: ticket %d on %s, policy %d, target %d → run %d",
                                    ticket.id(), w.array(), w.policyId(), w.targetId(), run.id);
                            return run.id;
                        });
    }
}
