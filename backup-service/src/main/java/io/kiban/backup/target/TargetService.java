package io.kiban.backup.target;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Backup targets on the two arrays, and how fresh each one's backups are (R-BK-3), read from the
 * policies and runs through {@link TargetHistory}.
 */
@ApplicationScoped
public class TargetService {

    private final TargetRepository targets;
    private final TargetHistory history;
    private final AuditTrail audit;
    private final Clock clock;

    public TargetService(
            TargetRepository targets, TargetHistory history, AuditTrail audit, Clock clock) {
        this.targets = targets;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<TargetView> list(
            BackupTarget.ArrayKind array, BackupTarget.Environment environment, PageRequest page) {
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
        history.requireUnused(id);
        targets.delete(t);
        audit.append("delete", "backup-target", id, null);
    }

    /** R-BK-3: last success, last run, missed and failed runs, and whether the RPO is breached. */
    public TargetStatus status(long id) {
        return status(find(id), clock.instant());
    }

    public TargetStatus status(BackupTarget t, Instant now) {
        return history.status(t, now);
    }

    /**
     * R-BK-3: the targets whose RPO is breached, one page. Whether a target is breached is computed
     * from its run ledger and the cron of every active policy covering it (an interval SQL cannot
     * compute), so the filtered targets are evaluated whole at one instant, kept in target-id order
     * and the page is sliced from that list.
     */
    public Page<TargetStatus> rpoBreaches(
            BackupTarget.ArrayKind array,
            BackupTarget.Environment environment,
            String arrayHardwareId,
            PageRequest page) {
        Instant now = clock.instant();
        List<TargetStatus> breached =
                targets.filtered(array, environment, arrayHardwareId).list().stream()
                        .map(t -> status(t, now))
                        .filter(TargetStatus::rpoBreached)
                        .toList();
        int from = Math.min(page.offset(), breached.size());
        int to = Math.min(from + page.size(), breached.size());
        return new Page<>(breached.subList(from, to), breached.size(), page);
    }

    BackupTarget find(long id) {
        return targets.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("target", id));
    }

    private void unique(TargetInput input, Long self) {
        targets.find(
                        "environment = ?1 and arrayKind = ?2 and kind = ?3 and name = ?4",
                        input.environment(),
                        input.array(),
                        input.kind(),
                        input.name())
                .firstResultOptional()
                .filter(existing -> !existing.id.equals(self))
                .ifPresent(
                        existing -> {
                            throw ProblemException.conflict(
                                    "this target is registered already",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "backup-target",
                                                    String.valueOf(existing.id),
                                                    "same target")));
                        });
    }

    private static void checkKind(TargetInput input) {
        boolean k8s = input.array() == BackupTarget.ArrayKind.K8S_ARRAY;
        if (input.kind() == BackupTarget.Kind.VM && k8s) {
            throw ProblemException.badField(
                    "kind", "a VM lives on the virtualization array (VIRT_ARRAY)");
        }
        if (input.kind() == BackupTarget.Kind.NAMESPACE && !k8s) {
            throw ProblemException.badField(
                    "kind", "a namespace lives on the Kubernetes array (K8S_ARRAY)");
        }
        if (input.pvcSelector() != null
                && !input.pvcSelector().isBlank()
                && input.kind() != BackupTarget.Kind.NAMESPACE) {
            throw ProblemException.badField("pvcSelector", "applies to NAMESPACE targets only");
        }
        if (input.pvcSelector() != null
                && !input.pvcSelector().isBlank()
                && !input.pvcSelector()
                        .matches(
                                "[A-Za-z0-9._/-]+=[A-Za-z0-9._-]*(,[A-Za-z0-9._/-]+=[A-Za-z0-9._-]*)*")) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "pvcSelector: must be key=value[,key=value…]",
                    null,
                    List.of(
                            new Problem.FieldError(
                                    "pvcSelector", "must be key=value[,key=value…]")),
                    null);
        }
    }

    private static void apply(BackupTarget t, TargetInput input) {
        t.arrayKind = input.array();
        t.arrayHardwareId = input.arrayHardwareId();
        t.environment = input.environment();
        t.kind = input.kind();
        t.name = input.name();
        t.pvcSelector =
                input.pvcSelector() == null || input.pvcSelector().isBlank()
                        ? null
                        : input.pvcSelector();
        t.description = input.description();
    }
}
