package io.kiban.lifecycle.phase;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.deliverable.AttachedFiles;
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

    /** The owner column of {@link RestorationEvidence}. */
    private static final String OWNER = "itemId";

    private final RestorationRepository items;
    private final EvidenceRepository evidence;
    private final AttachedFiles files;
    private final PhaseRepository phases;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final ContractService contracts;
    private final RestorationSeals seals;

    public RestorationService(
            RestorationRepository items,
            EvidenceRepository evidence,
            AttachedFiles files,
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
        this.files = files;
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
        AttachedFiles.Attached<RestorationEvidence> attached =
                files.attach(
                        evidence,
                        OWNER,
                        i,
                        i.id,
                        () -> {
                            RestorationEvidence e = new RestorationEvidence();
                            e.itemId = i.id;
                            return e;
                        },
                        name,
                        contentType,
                        stored);
        EvidenceFileView file = fileView(attached.file());
        if (attached.created()) {
            items.flush();
            audit.append("evidence", "restoration-item", env + "/" + item, file);
        }
        return new Added(view(i), file, attached.created());
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceFileView> evidence(Environment env, String item) {
        return evidenceOf(find(env, item));
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public AttachedFiles.FileRef evidenceFile(Environment env, String item, String sha256) {
        return files.ref(
                evidence,
                OWNER,
                find(env, item).id,
                sha256,
                "evidence file of checklist item " + env + "/" + item);
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
        files.requireNoneUploadedByCaller(
                files.of(evidence, OWNER, i.id),
                "uploaded an evidence file of " + env + "/" + item);
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
        return files.of(evidence, OWNER, i.id).stream().map(this::fileView).toList();
    }

    private EvidenceFileView fileView(RestorationEvidence e) {
        StoredDocument doc = files.document(e);
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
