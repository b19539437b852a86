package io.kiban.lifecycle.phase;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.deliverable.DocumentRepository;
import io.kiban.lifecycle.deliverable.StoredDocument;
import io.kiban.lifecycle.phase.PhaseDtos.ChecklistItemView;
import io.kiban.lifecycle.phase.PhaseDtos.EvidenceFileView;
import io.kiban.lifecycle.support.DocumentStore;
import io.kiban.lifecycle.support.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The restoration checklist 原状復帰 (R-RM-1): the contracted vendor notes what was done and uploads
 * evidence files (photos, PDF) per item; jpo-admin signs item by item, never an item without
 * evidence.
 */
@ApplicationScoped
public class RestorationService {

    /**
     * The item after an upload; {@code created} is false when the same file was already attached to
     * it.
     */
    public record Added(ChecklistItemView item, EvidenceFileView file, boolean created) {}

    public record FileRef(String sha256, String fileName, String contentType, long size) {}

    private final RestorationRepository items;
    private final EvidenceRepository evidence;
    private final DocumentRepository documents;
    private final PhaseRepository phases;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final ContractService contracts;
    private final RestorationSeals seals;

    public RestorationService(
            RestorationRepository items,
            EvidenceRepository evidence,
            DocumentRepository documents,
            PhaseRepository phases,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            ContractService contracts,
            RestorationSeals seals) {
        this.contracts = contracts;
        this.seals = seals;
        this.items = items;
        this.evidence = evidence;
        this.documents = documents;
        this.phases = phases;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChecklistItemView item(Environment env, String item) {
        return view(find(env, item));
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChecklistItemView> checklist(Environment env) {
        return items.list("environment = ?1 order by id", env).stream().map(this::view).toList();
    }

    @Transactional
    public ChecklistItemView note(Environment env, String item, String note) {
        contracts.requireContractedVendor("writes the restoration notes");
        RestorationItem i = find(env, item);
        if (i.signedAt != null) {
            throw ProblemException.rule("R-RM-1", "item " + item + " is signed off");
        }
        i.vendorNote = note;
        i.vendorNoteBy = caller.name();
        i.vendorNoteById = caller.id();
        items.flush();
        ChecklistItemView view = view(i);
        audit.append("note", "restoration-item", env + "/" + item, view);
        return view;
    }

    /**
     * Checked before an evidence file is stored: the caller is the contracted vendor (or jpo-admin,
     * 403 otherwise), the item exists (404) and is not signed off yet (422 naming R-RM-1).
     */
    @Transactional
    public void requireOpenForEvidence(Environment env, String item) {
        contracts.requireContractedVendor("uploads the restoration evidence");
        requireOpen(find(env, item));
    }

    /** Attaches a stored file (photo or PDF, by SHA-256) to one item; audited. */
    @Transactional
    public Added addEvidence(
            Environment env,
            String item,
            String fileName,
            String contentType,
            DocumentStore.Stored stored) {
        String name = DocumentStore.safeName(fileName);
        contracts.requireContractedVendor("uploads the restoration evidence");
        RestorationItem i = find(env, item);
        requireOpen(i);
        RestorationEvidence existing =
                evidence.find("itemId = ?1 and fileSha256 = ?2", i.id, stored.sha256())
                        .firstResult();
        if (existing != null) {
            return new Added(view(i), fileView(existing), false);
        }
        documents.recordIfAbsent(stored, contentType, clock.instant());
        RestorationEvidence e = new RestorationEvidence();
        e.itemId = i.id;
        e.fileSha256 = stored.sha256();
        e.fileName = name;
        e.uploadedBy = caller.name();
        e.uploadedById = caller.id();
        e.uploadedAt = clock.instant();
        evidence.persist(e);
        // R-SEC-2: the version JPO signs includes the evidence; an added file makes an older
        // If-Match stale
        items.getEntityManager()
                .lock(i, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        evidence.flush();
        items.flush();
        EvidenceFileView file = fileView(e);
        audit.append("evidence", "restoration-item", env + "/" + item, file);
        return new Added(view(i), file, true);
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceFileView> evidence(Environment env, String item) {
        return evidenceOf(find(env, item));
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public FileRef evidenceFile(Environment env, String item, String sha256) {
        RestorationItem i = find(env, item);
        RestorationEvidence e =
                evidence.find("itemId = ?1 and fileSha256 = ?2", i.id, sha256).firstResult();
        if (e == null) {
            throw ProblemException.notFound(
                    "evidence file of checklist item " + env + "/" + item, sha256);
        }
        StoredDocument doc = documents.findById(e.fileSha256);
        return new FileRef(e.fileSha256, e.fileName, doc.contentType, doc.size);
    }

    /**
     * jpo-admin signs the version reviewed (If-Match, R-SEC-2), never an item whose note or an
     * evidence file the same account wrote (403 naming R-SEC-2).
     */
    @Transactional
    public ChecklistItemView sign(Environment env, String item, String ifMatch) {
        RestorationItem i = find(env, item);
        io.kiban.commons.concurrency.ETags.check(ifMatch, i.version);
        caller.requireNotSelf(
                "R-SEC-2",
                i.vendorNoteById,
                i.vendorNoteBy,
                "wrote the note of " + env + "/" + item);
        for (RestorationEvidence e : evidence.list("itemId", i.id)) {
            caller.requireNotSelf(
                    "R-SEC-2",
                    e.uploadedById,
                    e.uploadedBy,
                    "uploaded an evidence file of " + env + "/" + item);
        }
        Phase phase = phases.findById(env).phase;
        if (phase != Phase.REMOVING) {
            throw ProblemException.rule(
                    "R-RM-1",
                    "restoration is signed off while "
                            + env
                            + " is REMOVING (it is "
                            + phase
                            + ")");
        }
        if (i.signedAt != null) {
            throw ProblemException.rule("R-RM-1", "item " + item + " is already signed off");
        }
        if (evidence.count("itemId", i.id) == 0) {
            throw ProblemException.rule(
                    "R-RM-1",
                    "item "
                            + item
                            + " has no evidence file of the restoration yet "
                            + "(the vendor uploads photos or a PDF: POST /removal/"
                            + env
                            + "/checklist/"
                            + item
                            + "/evidence)");
        }
        i.signedBy = caller.name();
        i.signedAt = clock.instant();
        items.flush();
        i.auditMac = seals.seal("sign", i); // #15 item 7
        items.flush();
        return view(i);
    }

    private static void requireOpen(RestorationItem i) {
        if (i.signedAt != null) {
            throw ProblemException.rule(
                    "R-RM-1", "item " + i.itemCode + " is signed off; its evidence is final");
        }
    }

    private RestorationItem find(Environment env, String item) {
        return items.find("environment = ?1 and itemCode = ?2", env, item)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("checklist item " + env, item));
    }

    private List<EvidenceFileView> evidenceOf(RestorationItem i) {
        return evidence.list("itemId = ?1 order by id", i.id).stream().map(this::fileView).toList();
    }

    private EvidenceFileView fileView(RestorationEvidence e) {
        StoredDocument doc = documents.findById(e.fileSha256);
        return new EvidenceFileView(
                e.fileSha256,
                e.fileName,
                doc == null ? null : doc.contentType,
                doc == null ? 0 : doc.size,
                e.uploadedBy,
                e.uploadedAt);
    }

    private ChecklistItemView view(RestorationItem i) {
        return new ChecklistItemView(
                i.itemCode,
                i.label,
                i.vendorNote,
                i.signedAt != null,
                i.signedBy,
                i.signedAt,
                evidenceOf(i),
                i.version);
    }
}
