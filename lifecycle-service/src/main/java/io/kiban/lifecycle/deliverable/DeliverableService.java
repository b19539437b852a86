package io.kiban.lifecycle.deliverable;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.commons.time.ClockProducer;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.BusinessCalendar;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceLine;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableInput;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableView;
import io.kiban.lifecycle.deliverable.DeliverableDtos.SubmissionView;
import io.kiban.lifecycle.support.DocumentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deliverables and reports: due dates with practical due dates, files stored by SHA-256 and never
 * rewritten, approval or return with a reason by jpo-admin, the security compliance report 別紙2
 * (R-LC-12).
 *
 * <p>Each kind's rules (when it is overdue, what approving it requires) live on {@link
 * Deliverable.Kind}: an item not approved after its due date is overdue; for the security
 * compliance reports (R-LC-12) the rule is "at least once a year": they are overdue when none was
 * approved in the last 12 months (counted from signing while none was ever approved).
 */
@ApplicationScoped
public class DeliverableService {

    private final DeliverableSeals seals;
    private final DeliverableRepository deliverables;
    private final SubmissionRepository submissions;
    private final ComplianceRepository compliance;
    private final DocumentRepository documents;
    private final ContractService contracts;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public DeliverableService(
            DeliverableRepository deliverables,
            SubmissionRepository submissions,
            ComplianceRepository compliance,
            DocumentRepository documents,
            ContractService contracts,
            BusinessCalendar calendar,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            DeliverableSeals seals) {
        this.seals = seals;
        this.deliverables = deliverables;
        this.submissions = submissions;
        this.compliance = compliance;
        this.documents = documents;
        this.contracts = contracts;
        this.calendar = calendar;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliverableView> list(Deliverable.Kind kind, Boolean overdue, PageRequest page) {
        Map<Deliverable.Kind, LocalDate> lastApprovals = deliverables.lastApprovals();
        Contract c = contracts.contract();
        List<DeliverableView> all =
                (kind == null
                                ? deliverables.list("order by dueDate, id")
                                : deliverables.list("kind = ?1 order by dueDate, id", kind))
                        .stream()
                                .map(d -> view(d, c, lastApprovals, false))
                                .filter(v -> overdue == null || v.overdue() == overdue)
                                .toList();
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), all.size(), page);
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliverableView> overdue() {
        return list(null, true, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliverableView get(long id) {
        return view(find(id), true);
    }

    @Transactional
    public DeliverableView create(DeliverableInput in) {
        Contract c = contracts.contract();
        if (in.dueDate().isBefore(c.signingDate) || in.dueDate().isAfter(c.contractEnd)) {
            throw ProblemException.rule(
                    "R-LC-1",
                    "a deliverable is due within the contract ("
                            + c.signingDate
                            + " … "
                            + c.contractEnd
                            + ")");
        }
        Deliverable d = new Deliverable();
        d.kind = in.kind();
        d.ruleId = in.kind().rule;
        d.title = in.title();
        d.environment = in.environment();
        d.dueDate = in.dueDate();
        d.status = Deliverable.Status.PENDING;
        deliverables.persist(d);
        deliverables.flush();
        DeliverableView view = view(d, false);
        audit.append("create", "deliverable", d.id, view);
        return view;
    }

    /**
     * Stores the file (streaming, by SHA-256) and submits it; an approved deliverable is closed.
     */
    @Transactional
    public DeliverableView submit(
            long id, String fileName, String contentType, DocumentStore.Stored stored) {
        String name = DocumentStore.safeName(fileName);
        requireContractedVendor();
        Deliverable d = find(id);
        if (d.status == Deliverable.Status.APPROVED) {
            throw ProblemException.conflict(
                    "deliverable " + id + " is approved; it takes no further files", List.of());
        }
        if (stored.size() == 0) {
            throw ProblemException.badField("body", "the file is empty");
        }
        documents.recordIfAbsent(
                stored,
                contentType == null ? "application/octet-stream" : contentType,
                clock.instant());
        DeliverableSubmission s = new DeliverableSubmission();
        s.deliverableId = d.id;
        s.fileSha256 = stored.sha256();
        s.fileName = name;
        s.submittedAt = clock.instant();
        s.submittedBy = caller.name();
        submissions.persist(s);
        d.status = Deliverable.Status.SUBMITTED;
        d.submittedOn = today();
        d.submittedBy = caller.name();
        d.submittedById = caller.id();
        d.fileSha256 = stored.sha256();
        d.fileName = name;
        d.reviewedBy = null;
        d.reviewedById = null;
        d.reviewedAt = null;
        deliverables.flush();
        DeliverableView view = view(d, true);
        audit.append("submit", "deliverable", d.id, view);
        return view;
    }

    public record FileRef(String sha256, String fileName, String contentType, long size) {}

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public FileRef file(long id, String sha256) {
        Deliverable d = find(id);
        String sha = sha256 != null ? sha256 : d.fileSha256;
        if (sha == null
                || submissions.count("deliverableId = ?1 and fileSha256 = ?2", d.id, sha) == 0) {
            throw ProblemException.notFound("file of deliverable", id);
        }
        StoredDocument doc = documents.findById(sha);
        String name =
                submissions
                        .find("deliverableId = ?1 and fileSha256 = ?2 order by id desc", d.id, sha)
                        .firstResult()
                        .fileName;
        return new FileRef(sha, name, doc.contentType, doc.size);
    }

    @Transactional
    public DeliverableView approve(long id, String ifMatch) {
        Deliverable d = find(id);
        ETags.check(ifMatch, d.version);
        if (d.status != Deliverable.Status.SUBMITTED) {
            throw ProblemException.rule(
                    d.ruleId,
                    "only a submitted deliverable can be approved (it is " + d.status + ")");
        }
        requireNotSubmitter(d);
        // R-LC-12: what the kind requires (the 確認書類 approved first, complete 別紙2 statuses)
        d.kind.requireApprovable(
                kind ->
                        deliverables.count(
                                        "kind = ?1 and status = ?2",
                                        kind,
                                        Deliverable.Status.APPROVED)
                                > 0,
                () -> complianceLines(d.id));
        d.status = Deliverable.Status.APPROVED;
        d.reviewedBy = caller.name();
        d.reviewedById = caller.id();
        d.reviewedAt = clock.instant();
        d.returnReason = null;
        d.auditMac =
                seals.seal("approve", d); // #15 item 7: the approval is sealed by its audit entry
        deliverables.flush();
        return view(d, true);
    }

    @Transactional
    public DeliverableView giveBack(long id, String reason, String ifMatch) {
        Deliverable d = find(id);
        ETags.check(ifMatch, d.version);
        if (d.status != Deliverable.Status.SUBMITTED) {
            throw ProblemException.rule(
                    d.ruleId,
                    "only a submitted deliverable can be returned (it is " + d.status + ")");
        }
        requireNotSubmitter(d);
        d.status = Deliverable.Status.RETURNED;
        d.reviewedBy = caller.name();
        d.reviewedById = caller.id();
        d.reviewedAt = clock.instant();
        d.returnReason = reason;
        d.auditMac = seals.seal("return", d); // #15 item 7
        deliverables.flush();
        return view(d, true);
    }

    /** R-SEC-2: whoever submitted the file never reviews it (403). */
    private void requireNotSubmitter(Deliverable d) {
        caller.requireNotSelf(
                "R-SEC-2", d.submittedById, d.submittedBy, "submitted deliverable " + d.id);
        caller.requireNotSelf(
                "R-SEC-2",
                d.complianceById,
                d.complianceBy,
                "recorded the 別紙2 statuses of deliverable " + d.id);
    }

    /** R-LC-12: the statuses of 別紙2, all items at once. */
    @Transactional
    public List<ComplianceLine> recordCompliance(long id, List<ComplianceLine> lines) {
        requireContractedVendor();
        Deliverable d = find(id);
        if (!d.kind.takesComplianceStatuses()) {
            throw ProblemException.rule(
                    "R-LC-12", "deliverable " + id + " is not a security compliance report");
        }
        if (d.status == Deliverable.Status.APPROVED) {
            throw ProblemException.conflict(
                    "deliverable " + id + " is approved; its statuses are final", List.of());
        }
        ComplianceItems.validate(lines);
        compliance.delete("deliverableId", d.id);
        compliance.flush();
        for (ComplianceLine l : lines) {
            ComplianceStatus s = new ComplianceStatus();
            s.deliverableId = d.id;
            s.itemCode = l.item();
            s.status = l.status();
            s.note = l.note();
            compliance.persist(s);
        }
        compliance.flush();
        // the report's version moves with its statuses: an approval names the statuses reviewed
        // (R-SEC-2)
        d.complianceBy = caller.name();
        d.complianceById = caller.id();
        deliverables
                .getEntityManager()
                .lock(d, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        deliverables.flush();
        List<ComplianceLine> result = complianceLines(d.id);
        audit.append("compliance", "deliverable", d.id, result);
        return result;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ComplianceLine> compliance(long id) {
        find(id);
        return complianceLines(id);
    }

    private List<ComplianceLine> complianceLines(long id) {
        return compliance.list("deliverableId", id).stream()
                .sorted(Comparator.comparingInt(s -> ComplianceItems.ORDER.indexOf(s.itemCode)))
                .map(s -> new ComplianceLine(s.itemCode, s.status, s.note))
                .toList();
    }

    /**
     * A vendor submits only as the contracted vendor organisation (checked before a file is
     * stored).
     */
    public void requireContractedVendor() {
        contracts.requireContractedVendor("submits deliverables");
    }

    private Deliverable find(long id) {
        return deliverables
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("deliverable", id));
    }

    private DeliverableView view(Deliverable d, boolean withSubmissions) {
        return view(d, contracts.contract(), deliverables.lastApprovals(), withSubmissions);
    }

    private DeliverableView view(
            Deliverable d,
            Contract c,
            Map<Deliverable.Kind, LocalDate> lastApprovals,
            boolean withSubmissions) {
        LocalDate today = today();
        LocalDate practical = calendar.practicalDueDate(d.dueDate);
        String overdueReason =
                d.status == Deliverable.Status.APPROVED
                        ? null
                        : d.kind.overdueReason(
                                        d.dueDate,
                                        today,
                                        Optional.ofNullable(lastApprovals.get(d.kind)),
                                        c)
                                .orElse(null);
        List<SubmissionView> subs =
                withSubmissions
                        ? submissions.list("deliverableId = ?1 order by id", d.id).stream()
                                .map(
                                        s ->
                                                new SubmissionView(
                                                        s.fileSha256,
                                                        s.fileName,
                                                        s.submittedAt,
                                                        s.submittedBy))
                                .toList()
                        : null;
        return new DeliverableView(
                d.id,
                d.kind,
                d.ruleId,
                d.title,
                d.environment,
                d.scheduleSeq,
                d.dueDate,
                ReiwaDates.format(d.dueDate),
                practical,
                ReiwaDates.format(practical),
                d.status,
                d.submittedOn,
                ReiwaDates.format(d.submittedOn),
                d.submittedBy,
                d.fileSha256,
                d.fileName,
                d.reviewedBy,
                d.reviewedAt,
                d.returnReason,
                overdueReason != null,
                overdueReason,
                subs,
                d.version,
                calendar.isComputed(d.dueDate, practical));
    }
}
