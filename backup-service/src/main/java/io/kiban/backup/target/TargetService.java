package io.kiban.backup.target;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunRepository;
import io.kiban.backup.support.Crons;
import io.kiban.backup.target.TargetDtos.TargetInput;
import io.kiban.backup.target.TargetDtos.TargetStatus;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Backup targets on the two arrays, and how fresh each one's backups are (R-BK-3). */
@ApplicationScoped
public class TargetService {

    private final TargetRepository targets;
    private final PolicyRepository policies;
    private final RunRepository runs;
    private final AuditTrail audit;
    private final Clock clock;

    public TargetService(TargetRepository targets, PolicyRepository policies, RunRepository runs, AuditTrail audit,
            Clock clock) {
        this.targets = targets;
        this.policies = policies;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<TargetView> list(BackupTarget.ArrayKind array, BackupTarget.Environment environment,
            PageRequest page) {
        var query = targets.filtered(array, environment, null);
        query.page(page.page(), page.size());
        return new Page<>(query.list().stream().map(TargetView::of).toList(), query.count(), page);
    }

    public TargetView get(long id) {
        return TargetView.of(find(id));
    }

    @Transactional
    public TargetView create(TargetInput input) {
        checkKind(input);
        unique(input, null);
        BackupTarget t = new BackupTarget();
        t.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        apply(t, input);
        targets.persist(t);
        targets.flush();
        TargetView view = TargetView.of(t);
        audit.append("create", "backup-target", t.id, view);
        return view;
    }

    @Transactional
    public TargetView update(long id, String ifMatch, TargetInput input) {
        BackupTarget t = find(id);
        ETags.check(ifMatch, t.version);
        checkKind(input);
        unique(input, id);
        apply(t, input);
        targets.flush();
        TargetView view = TargetView.of(t);
        audit.append("update", "backup-target", t.id, view);
        return view;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        BackupTarget t = find(id);
        ETags.check(ifMatch, t.version);
        List<BackupPolicy> covering = policies.coveringTarget(id);
        if (!covering.isEmpty()) {
            throw ProblemException.conflict("target " + id + " is covered by policies; remove it from them first",
                    covering.stream().map(p -> Problem.Conflict.of("policy", String.valueOf(p.id), p.name)).toList());
        }
        if (runs.count("targetId", id) > 0) {
            throw ProblemException.conflict("target " + id + " has runs in the ledger and stays for the record",
                    List.of(Problem.Conflict.of("backup-run", String.valueOf(runs.count("targetId", id)), "runs")));
        }
        targets.delete(t);
        audit.append("delete", "backup-target", id, null);
    }

    /** R-BK-3: last success, last run, missed and failed runs, and whether the RPO is breached. */
    public TargetStatus status(long id) {
        return status(find(id), clock.instant());
    }

    public TargetStatus status(BackupTarget t, Instant now) {
        Optional<BackupRun> lastSuccess = runs.lastSuccess(t.id);
        Optional<BackupRun> lastRun = runs.lastRun(t.id);
        Optional<BackupRun> lastMissed = runs.lastInState(t.id, BackupRun.State.MISSED);
        Optional<BackupRun> lastFailed = runs.lastInState(t.id, BackupRun.State.FAILED);
        Duration rpo = rpo(t.id, now).orElse(null);
        boolean breached = false;
        if (rpo != null) {
            Instant since = lastSuccess.map(r -> r.endedAt).orElseGet(() -> earliestSchedule(t.id).orElse(now));
            breached = Duration.between(since, now).compareTo(rpo) > 0;
        }
        return new TargetStatus(t.id, t.name, lastSuccess.map(r -> r.endedAt).orElse(null),
                lastSuccess.map(r -> r.id).orElse(null), lastRun.map(r -> r.state.name()).orElse(null),
                lastRun.map(r -> r.expectedFireTime).orElse(null), runs.countInState(t.id, BackupRun.State.MISSED),
                runs.countInState(t.id, BackupRun.State.FAILED), lastMissed.map(r -> r.expectedFireTime).orElse(null),
                lastFailed.map(r -> r.expectedFireTime).orElse(null), runs.running(t.id).isPresent(),
                rpo == null ? null : rpo.toSeconds(), breached);
    }

    /**
     * R-BK-3: the targets whose RPO is breached, one page. Whether a target is breached is computed from its run
     * ledger and the cron of every active policy covering it (an interval SQL cannot compute), so the filtered
     * targets are evaluated whole at one instant, kept in target-id order and the page is sliced from that list.
     */
    public Page<TargetStatus> rpoBreaches(BackupTarget.ArrayKind array, BackupTarget.Environment environment,
            String arrayHardwareId, PageRequest page) {
        Instant now = clock.instant();
        List<TargetStatus> breached = targets.filtered(array, environment, arrayHardwareId).list().stream()
                .map(t -> status(t, now)).filter(TargetStatus::rpoBreached).toList();
        int from = Math.min(page.offset(), breached.size());
        int to = Math.min(from + page.size(), breached.size());
        return new Page<>(breached.subList(from, to), breached.size(), page);
    }

    /** 1.5 × the shortest interval of the active policies covering the target. */
    private Optional<Duration> rpo(long targetId, Instant now) {
        return policies.coveringTarget(targetId).stream().filter(p -> !p.paused)
                .map(p -> Crons.interval(p.cron, p.timeZone, now)).min(Duration::compareTo)
                .map(d -> d.multipliedBy(3).dividedBy(2));
    }

    private Optional<Instant> earliestSchedule(long targetId) {
        return policies.coveringTarget(targetId).stream().filter(p -> !p.paused).map(p -> p.scheduleFrom)
                .min(Instant::compareTo);
    }

    BackupTarget find(long id) {
        return targets.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("target", id));
    }

    private void unique(TargetInput input, Long self) {
        targets.find("environment = ?1 and arrayKind = ?2 and kind = ?3 and name = ?4", input.environment(),
                input.array(), input.kind(), input.name()).firstResultOptional()
                .filter(existing -> !existing.id.equals(self))
                .ifPresent(existing -> {
                    throw ProblemException.conflict("this target is registered already",
                            List.of(Problem.Conflict.of("backup-target", String.valueOf(existing.id), "same target")));
                });
    }

    private static void checkKind(TargetInput input) {
        boolean k8s = input.array() == BackupTarget.ArrayKind.K8S_ARRAY;
        if (input.kind() == BackupTarget.Kind.VM && k8s) {
            throw ProblemException.badField("kind", "a VM lives on the virtualization array (VIRT_ARRAY)");
        }
        if (input.kind() == BackupTarget.Kind.NAMESPACE && !k8s) {
            throw ProblemException.badField("kind", "a namespace lives on the Kubernetes array (K8S_ARRAY)");
        }
        if (input.pvcSelector() != null && !input.pvcSelector().isBlank()
                && input.kind() != BackupTarget.Kind.NAMESPACE) {
            throw ProblemException.badField("pvcSelector", "applies to NAMESPACE targets only");
        }
        if (input.pvcSelector() != null && !input.pvcSelector().isBlank()
                && !input.pvcSelector().matches("[A-Za-z0-9._/-]+=[A-Za-z0-9._-]*(,[A-Za-z0-9._/-]+=[A-Za-z0-9._-]*)*")) {
            throw new ProblemException(ProblemType.VALIDATION, "pvcSelector: must be key=value[,key=value…]", null,
                    List.of(new Problem.FieldError("pvcSelector", "must be key=value[,key=value…]")), null);
        }
    }

    private static void apply(BackupTarget t, TargetInput input) {
        t.arrayKind = input.array();
        t.arrayHardwareId = input.arrayHardwareId();
        t.environment = input.environment();
        t.kind = input.kind();
        t.name = input.name();
        t.pvcSelector = input.pvcSelector() == null || input.pvcSelector().isBlank() ? null : input.pvcSelector();
        t.description = input.description();
    }
}
