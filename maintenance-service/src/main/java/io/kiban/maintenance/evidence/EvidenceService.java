package io.kiban.maintenance.evidence;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.time.ClockProducer;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.contractor.ContractorRepository;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.CustodyService;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.evidence.EvidenceDtos.EvidenceInput;
import io.kiban.maintenance.evidence.EvidenceDtos.EvidenceView;
import io.kiban.maintenance.evidence.EvidenceDtos.FileView;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.ticket.FaultClass;
import io.kiban.maintenance.ticket.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Destruction evidence (R-MT-3, R-MT-4, R-MT-5, R-MT-6): submission checked against the rules,
 * files, and jpo-admin's decision. There is no update or delete of evidence: a rejected record
 * stays, and the vendor submits a new one.
 */
@ApplicationScoped
public class EvidenceService {

    public record Download(Path path, EvidenceFile file) {}

    /**
     * A stored file and the version of its evidence after it was attached (the evidence's new
     * ETag).
     */
    public record Uploaded(FileView file, long evidenceVersion) {}

    private final EvidenceRepository evidence;
    private final EvidenceFileRepository files;
    private final ContractorRepository contractors;
    private final CustodyService custody;
    private final TicketService tickets;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;

    public EvidenceService(
            EvidenceRepository evidence,
            EvidenceFileRepository files,
            ContractorRepository contractors,
            CustodyService custody,
            TicketService tickets,
            EvidenceStore store,
            AuditTrail audit,
            Access access,
            Clock clock) {
        this.evidence = evidence;
        this.files = files;
        this.contractors = contractors;
        this.custody = custody;
        this.tickets = tickets;
        this.store = store;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public EvidenceView submit(long itemId, EvidenceInput input) {
        CustodyItem item = custody.visible(itemId);
        if (!EnumSet.of(CustodyStatus.IN_CUSTODY, CustodyStatus.EVIDENCE_REJECTED)
                .contains(item.status)) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "medium "
                            + item.serial
                            + " is "
                            + item.status
                            + (item.status == CustodyStatus.REMOVED_ON_SITE
                                    ? "; record who took it into custody first"
                                    : ""));
        }
        if (input.serial() != null && !input.serial().trim().equals(item.serial)) {
            throw ProblemException.badField(
                    "serial", "is not the serial of custody item " + itemId);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.JPO_ZONE);
        if (input.performedOn().isAfter(today)) {
            throw ProblemException.badField("performedOn", "must not be in the future");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FaultClass faultClass =
                item.ticketId == null ? null : tickets.visible(item.ticketId).faultClass;
        SanitizationRules.checkMethod(item, faultClass, input.method(), input.technique(), now);
        Contractor contractor = null;
        if (input.issuer() == Issuer.CONTRACTOR) {
            if (input.contractorId() == null) {
                throw ProblemException.badField(
                        "contractorId", "required when the issuer is CONTRACTOR");
            }
            contractor = contractors.findByIdOptional(input.contractorId()).orElse(null);
        } else if (input.contractorId() != null) {
            throw ProblemException.badField(
                    "contractorId", "only for certificates issued by a CONTRACTOR");
        }
        SanitizationRules.checkIssuer(input.issuer(), contractor, input.performedOn());

        Evidence e = new Evidence();
        e.itemId = item.id;
        e.organisation = item.organisation;
        e.mediaType = item.kind;
        e.make = item.make;
        e.model = item.model;
        e.serial = item.serial;
        e.method = input.method();
        e.technique = input.technique();
        e.tool = input.tool();
        e.toolVersion = input.toolVersion();
        e.verification = input.verification();
        e.performedOn = input.performedOn();
        e.place = input.place();
        e.performedBy = input.performedBy();
        e.destination = input.destination();
        e.issuer = input.issuer();
        e.contractorId = contractor == null ? null : contractor.id;
        e.status = Evidence.Status.SUBMITTED;
        e.submittedBy = access.actor();
        e.submittedById = access.actorId();
        e.submittedAt = now;
        evidence.persist(e);
        evidence.flush();
        custody.advance(
                item, CustodyStatus.EVIDENCE_SUBMITTED, "EVIDENCE_SUBMITTED", "evidence " + e.id);
        EvidenceView view = EvidenceView.of(e, List.of());
        audit.append("submit-evidence", "evidence", e.id, view);
        return view;
    }

    public EvidenceView get(long id) {
        Evidence e = visible(id);
        return EvidenceView.of(e, files.of(id));
    }

    /**
     * The item's evidence records (each with its files), one page in id order (#15 item 10: paged
     * in SQL).
     */
    public Page<EvidenceView> ofItem(long itemId, PageRequest page) {
        custody.visible(itemId);
        var query = evidence.find("itemId = ?1 order by id", itemId);
        query.page(page.page(), page.size());
        List<Evidence> found = query.list();
        // #16 §3: the page's files in one select (was one per evidence record)
        Map<Long, List<EvidenceFile>> filesOf = files.of(found.stream().map(e -> e.id).toList());
        return new Page<>(
                found.stream()
                        .map(e -> EvidenceView.of(e, filesOf.getOrDefault(e.id, List.of())))
                        .toList(),
                query.count(),
                page);
    }

    /** The evidence's files, one page in id (= upload) order (#15 item 10: paged in SQL). */
    public Page<FileView> files(long evidenceId, PageRequest page) {
        visible(evidenceId);
        var query = files.find("evidenceId = ?1 order by id", evidenceId);
        query.page(page.page(), page.size());
        return new Page<>(query.list().stream().map(FileView::of).toList(), query.count(), page);
    }

    /**
     * Streams the upload into the store (no transaction held meanwhile), then records it. The
     * evidence row is locked and its version raised, so jpo-admin's decision (If-Match) covers
     * exactly the files they saw.
     */
    public Uploaded upload(
            long evidenceId, Path uploaded, String declaredType, String originalName) {
        Evidence e = visible(evidenceId);
        requireSubmitted(e, "files are added");
        EvidenceStore.Stored stored = store.store(uploaded, declaredType);
        String actor = access.actor();
        String actorId = access.actorId();
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            Evidence current =
                                    evidence.getEntityManager()
                                            .find(
                                                    Evidence.class,
                                                    evidenceId,
                                                    LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                            requireSubmitted(current, "files are added");
                            EvidenceFile f = new EvidenceFile();
                            f.evidenceId = evidenceId;
                            f.sha256 = stored.sha256();
                            f.sizeBytes = stored.size();
                            f.contentType = stored.contentType();
                            f.originalName =
                                    originalName == null
                                            ? null
                                            : originalName.length() > 512
                                                    ? originalName.substring(0, 512)
                                                    : originalName;
                            f.uploadedBy = actor;
                            f.uploadedById = actorId;
                            f.uploadedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            files.persist(f);
                            files.flush();
                            evidence.flush();
                            FileView view = FileView.of(f);
                            audit.append("upload-evidence-file", "evidence", evidenceId, view);
                            return new Uploaded(view, current.version);
                        });
    }

    public Download download(long evidenceId, long fileId) {
        visible(evidenceId);
        EvidenceFile f =
                files.findByIdOptional(fileId)
                        .filter(x -> x.evidenceId == evidenceId)
                        .orElseThrow(() -> ProblemException.notFound("evidence file", fileId));
        return new Download(store.verified(f.sha256), f);
    }

    /**
     * R-RM-4: an evidence file by its SHA-256, for the archive handed to JPO (service role): 404
     * when no evidence has such a file, 409 (R-MT-6) when the stored file no longer matches its
     * checksum.
     */
    public Download byChecksum(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw ProblemException.badField("sha256", "64 lower-case hexadecimal digits");
        }
        EvidenceFile f =
                files.find("sha256 = ?1 order by id", sha256)
                        .firstResultOptional()
                        .orElseThrow(() -> ProblemException.notFound("evidence file", sha256));
        return new Download(store.verified(f.sha256), f);
    }

    /** jpo-admin accepts: from now on the record and its files are immutable (R-MT-6). */
    @Transactional
    public EvidenceView accept(long id, String ifMatch, String reason) {
        Evidence e = visible(id);
        ETags.check(ifMatch, e.version);
        requireSubmitted(e, "evidence is accepted");
        List<EvidenceFile> attached = files.of(id);
        notBySubmitterOrUploader(e, attached);
        if (attached.isEmpty()) {
            throw ProblemException.conflict(
                    "R-MT-3", "evidence " + id + " has no certificate or photo file yet", null);
        }
        attached.forEach(f -> store.verified(f.sha256));
        decide(e, Evidence.Status.ACCEPTED, reason, attached);
        CustodyItem item = custody.visible(e.itemId);
        custody.advance(
                item, CustodyStatus.EVIDENCE_ACCEPTED, "EVIDENCE_ACCEPTED", "evidence " + e.id);
        evidence.flush();
        return EvidenceView.of(e, attached);
    }

    @Transactional
    public EvidenceView reject(long id, String ifMatch, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badField("reason", "a rejection needs a reason");
        }
        Evidence e = visible(id);
        ETags.check(ifMatch, e.version);
        requireSubmitted(e, "evidence is rejected");
        List<EvidenceFile> attached = files.of(id);
        notBySubmitterOrUploader(e, attached);
        decide(e, Evidence.Status.REJECTED, reason, attached);
        CustodyItem item = custody.visible(e.itemId);
        custody.advance(item, CustodyStatus.EVIDENCE_REJECTED, "EVIDENCE_REJECTED", reason);
        evidence.flush();
        return EvidenceView.of(e, attached);
    }

    /**
     * R-SEC-2: whoever submitted the evidence or uploaded one of its files never accepts or rejects
     * it.
     */
    private void notBySubmitterOrUploader(Evidence e, List<EvidenceFile> attached) {
        access.requireNotSelf(
                "R-SEC-2", e.submittedById, e.submittedBy, "submitted evidence " + e.id);
        for (EvidenceFile f : attached) {
            access.requireNotSelf(
                    "R-SEC-2",
                    f.uploadedById,
                    f.uploadedBy,
                    "uploaded file " + f.id + " of evidence " + e.id);
        }
    }

    /**
     * #15 item 7: the decision's audit entry seals the decided fields (id, status, decider, time,
     * file SHA-256s) and its MAC is written to the row in the same UPDATE, so /audit/verify reports
     * any later change of the row.
     */
    private void decide(
            Evidence e, Evidence.Status status, String reason, List<EvidenceFile> attached) {
        e.status = status;
        e.decidedBy = access.actor();
        e.decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        e.decisionReason = reason;
        e.auditMac =
                audit.append(EvidenceSeals.action(status), "evidence", e.id, e.sealFields(attached))
                        .sealAtCommit("evidence", "audit_mac", "id", e.id);
    }

    private static void requireSubmitted(Evidence e, String what) {
        if (e.status != Evidence.Status.SUBMITTED) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "evidence "
                            + e.id
                            + " is "
                            + e.status
                            + "; "
                            + what
                            + " only while it is SUBMITTED"
                            + (e.status == Evidence.Status.ACCEPTED
                                    ? " (accepted evidence can never change, R-MT-6)"
                                    : ""));
        }
    }

    private Evidence visible(long id) {
        return access.visible(evidence.findByIdOptional(id), e -> e.organisation, "evidence", id);
    }
}
