package io.kiban.lifecycle.deliverable;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractAmended;
import io.kiban.lifecycle.contract.ContractService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The recurring reports generated from the contract dates: progress reports every two weeks during
 * the build phase (R-LC-11, signing → production start), the security confirmation document (確認書類,
 * two weeks after signing) and the security compliance report (別紙2) every six months from signing
 * to the contract end (R-LC-12); the environment definition (R-LC-5) and operations manual (R-LC-6)
 * follow the online service start. Each scheduled report keeps its place in the schedule ({@code
 * scheduleSeq}, 1, 2, …). Which kinds are generated, their dates and titles are the kinds' rules
 * ({@link Deliverable.Kind}); the schedule keeps the rows in line with them.
 *
 * <p>Generated at first start; regenerated when jpo-admin amends the contract, in the amendment's
 * transaction: a scheduled report nothing was submitted for (PENDING, no file, no compliance
 * statuses) moves to the new date of its place, or is removed when its place falls outside the new
 * period; missing places are added; a report with anything submitted (submitted, returned or
 * approved) is never touched nor deleted. Audited.
 */
@ApplicationScoped
public class DeliverableSchedule {

    private static final Logger LOG = Logger.getLogger(DeliverableSchedule.class);

    /**
     * What a regeneration did to one kind of report: places added, moved (old → new date), removed,
     * kept as submitted.
     */
    public record Changes(
            Deliverable.Kind kind,
            List<String> added,
            List<String> moved,
            List<String> removed,
            List<String> keptSubmitted) {

        boolean changed() {
            return !added.isEmpty() || !moved.isEmpty() || !removed.isEmpty();
        }
    }

    private final DeliverableRepository deliverables;
    private final SubmissionRepository submissions;
    private final ComplianceRepository compliance;
    private final ContractService contracts;
    private final AuditTrail audit;

    public DeliverableSchedule(
            DeliverableRepository deliverables,
            SubmissionRepository submissions,
            ComplianceRepository compliance,
            ContractService contracts,
            AuditTrail audit) {
        this.deliverables = deliverables;
        this.submissions = submissions;
        this.compliance = compliance;
        this.contracts = contracts;
        this.audit = audit;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        regenerate("generate-schedule");
    }

    /** Synchronous observer: runs inside the transaction of {@link ContractService#amend}. */
    @Transactional
    void onAmended(@Observes ContractAmended event) {
        regenerate("regenerate-schedule");
    }

    /**
     * Brings the scheduled reports in line with the contract dates; audited when anything changed.
     */
    @Transactional
    public List<Changes> regenerate(String action) {
        Contract c = contracts.contract();
        List<Changes> changes = new ArrayList<>();
        for (Deliverable.Kind kind : Deliverable.Kind.values()) {
            kind.scheduledPlaces(c).ifPresent(due -> changes.add(follow(kind, due)));
            kind.dueFromServiceStart(c)
                    .ifPresent(due -> changes.add(followServiceStart(kind, due)));
        }
        List<Changes> changed = changes.stream().filter(Changes::changed).toList();
        if (!changed.isEmpty()) {
            deliverables.flush();
            audit.append(action, "deliverable", "schedule", changed);
            LOG.infof("%s (R-LC-11, R-LC-12): %s", action, changed);
        }
        return changes;
    }

    /**
     * R-LC-5 (the day before) and R-LC-6 (two weeks before): deliverables due relative to the
     * online service start ({@link Deliverable.Kind}'s rule) move when it is amended, unless
     * already approved.
     */
    private Changes followServiceStart(Deliverable.Kind kind, LocalDate due) {
        Changes ch =
                new Changes(
                        kind,
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>());
        for (Deliverable d :
                deliverables.list("kind = ?1 and scheduleSeq is null order by id", kind)) {
            if (d.dueDate.equals(due)) {
                continue;
            }
            if (d.status == Deliverable.Status.APPROVED) {
                ch.keptSubmitted().add("#" + d.id + " " + d.dueDate + " (APPROVED)");
            } else {
                ch.moved().add("#" + d.id + " " + d.dueDate + " → " + due);
                d.dueDate = due;
            }
        }
        return ch;
    }

    private Changes follow(Deliverable.Kind kind, List<LocalDate> due) {
        Map<Integer, Deliverable> byPlace = new TreeMap<>();
        for (Deliverable d :
                deliverables.list(
                        "kind = ?1 and scheduleSeq is not null order by scheduleSeq, id", kind)) {
            byPlace.putIfAbsent(d.scheduleSeq, d);
        }
        Changes ch =
                new Changes(
                        kind,
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>());
        for (int n = 1; n <= due.size(); n++) {
            LocalDate date = due.get(n - 1);
            Deliverable d = byPlace.remove(n);
            if (d == null) {
                add(kind, n, date);
                ch.added().add("#" + n + " " + date);
            } else if (!d.dueDate.equals(date)) {
                if (untouched(d)) {
                    ch.moved().add("#" + n + " " + d.dueDate + " → " + date);
                    d.dueDate = date;
                } else {
                    ch.keptSubmitted().add("#" + n + " " + d.dueDate + " (" + d.status + ")");
                }
            }
        }
        // places beyond the new period
        for (Deliverable d : byPlace.values()) {
            if (untouched(d)) {
                ch.removed().add("#" + d.scheduleSeq + " " + d.dueDate);
                deliverables.delete(d);
            } else {
                ch.keptSubmitted()
                        .add("#" + d.scheduleSeq + " " + d.dueDate + " (" + d.status + ")");
            }
        }
        return ch;
    }

    /** Nothing was submitted for it: still PENDING, no file ever, no compliance statuses. */
    private boolean untouched(Deliverable d) {
        return d.status == Deliverable.Status.PENDING
                && submissions.count("deliverableId", d.id) == 0
                && compliance.count("deliverableId", d.id) == 0;
    }

    private void add(Deliverable.Kind kind, int n, LocalDate due) {
        Deliverable d = new Deliverable();
        d.kind = kind;
        d.ruleId = kind.rule;
        d.title = kind.scheduledTitle(n);
        d.dueDate = due;
        d.status = Deliverable.Status.PENDING;
        d.scheduleSeq = n;
        deliverables.persist(d);
    }
}
