package io.kiban.backup.scheduling;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.policy.PolicyService;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunLedger;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * R-BK-1: "run now" records one SCHEDULED run per target and queues a one-shot firing, in one
 * transaction.
 */
@ApplicationScoped
class RunNow {

    private final PolicyRepository policies;
    private final RunLedger ledger;
    private final PolicyScheduler scheduler;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    RunNow(
            PolicyRepository policies,
            RunLedger ledger,
            PolicyScheduler scheduler,
            AuditTrail audit,
            Caller caller,
            Clock clock) {
        this.policies = policies;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * R-BK-1: "run now" queues a one-shot firing on the clustered scheduler, in this transaction.
     */
    @Transactional
    RunRequested runNow(long id, Long targetId) {
        BackupPolicy p =
                policies.findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("policy", id));
        if (p.paused) {
            throw ProblemException.conflict(
                    PolicyService.RULE,
                    "policy "
                            + id
                            + " is paused: resuming it is the way "
                            + "to back it up again (a paused policy does not run, not even on demand)",
                    null);
        }
        if (targetId != null && p.targets.stream().noneMatch(t -> t.id.equals(targetId))) {
            throw ProblemException.unknownReference("targetId", targetId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Long> targetIds =
                targetId == null ? p.targets.stream().map(t -> t.id).toList() : List.of(targetId);
        List<Long> runIds = new ArrayList<>();
        for (Long t : targetIds) {
            BackupRun run =
                    ledger.schedule(
                                    p.id,
                                    t,
                                    now,
                                    BackupRun.Trigger.MANUAL,
                                    p.driver,
                                    caller.name(),
                                    null,
                                    null)
                            .orElseThrow(
                                    () ->
                                            ProblemException.conflict(
                                                    "R-BK-1",
                                                    "a run of policy "
                                                            + p.id
                                                            + " for target "
                                                            + t
                                                            + " was already asked for at "
                                                            + now
                                                            + "; ask again",
                                                    null));
            runIds.add(run.id);
        }
        scheduler.fireOnce(p.id, BackupRun.Trigger.MANUAL, now, caller.name(), targetId);
        RunRequested requested = new RunRequested(p.id, now, targetIds, runIds, caller.name());
        audit.append("run-now", "backup-policy", p.id, requested);
        return requested;
    }
}
