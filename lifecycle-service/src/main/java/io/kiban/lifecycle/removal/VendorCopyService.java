package io.kiban.lifecycle.removal;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.deliverable.AttachedFiles;
import io.kiban.lifecycle.deliverable.StoredDocument;
import io.kiban.lifecycle.support.DocumentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * R-RM-4 / security 8): the vendor records each copy of the work's information it held (devices
 * brought in, copies made outside JPO, lent documents), then how it was returned, destroyed or
 * erased with evidence files; jpo-admin confirms the version reviewed (If-Match), never the account
 * that recorded the copy, its disposition or an evidence file (R-SEC-2). A copy not confirmed
 * blocks the removal of PRODUCTION.
 */
@ApplicationScoped
class VendorCopyService {

    public record CopyInput(
            @NotNull VendorCopy.Kind kind,
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 255) String holder,
            @Size(max = 128) String organisation) {}

    public record DispositionInput(
            @NotNull VendorCopy.Disposition disposition, @NotBlank @Size(max = 2000) String note) {}

    public record FileView(
            String sha256,
            String fileName,
            String contentType,
            long size,
            String uploadedBy,
            Instant uploadedAt) {}

    public record CopyView(
            Long id,
            String organisation,
            VendorCopy.Kind kind,
            String description,
            String holder,
            VendorCopy.Status status,
            String recordedBy,
            Instant recordedAt,
            VendorCopy.Disposition disposition,
            String dispositionNote,
            String disposedBy,
            Instant disposedAt,
            String confirmedBy,
            Instant confirmedAt,
            List<FileView> evidence,
            long version) {}

    /**
     * The copy after an upload; {@code created} is false when the same file was already attached.
     */
    public record Added(CopyView copy, boolean created) {}

    /** The owner column of {@link VendorCopyEvidence}. */
    private static final String OWNER = "copyId";

    private final CopyRepository copies;
    private final VendorCopySeals seals;
    private final CopyEvidenceRepository evidence;
    private final AttachedFiles files;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public VendorCopyService(
            CopyRepository copies,
            CopyEvidenceRepository evidence,
            AttachedFiles files,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            VendorCopySeals seals) {
        this.copies = copies;
        this.seals = seals;
        this.evidence = evidence;
        this.files = files;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CopyView> list(VendorCopy.Status status) {
        List<VendorCopy> found;
        if (vendorSide()) {
            String org = caller.organisation().orElse("");
            found =
                    status == null
                            ? copies.list("organisation = ?1 order by id", org)
                            : copies.list(
                                    "organisation = ?1 and status = ?2 order by id", org, status);
        } else {
            found =
                    status == null
                            ? copies.list("order by id")
                            : copies.list("status = ?1 order by id", status);
        }
        return found.stream().map(this::view).toList();
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public CopyView get(long id) {
        return view(visible(id));
    }

    /** The copies not yet confirmed by JPO: each blocks the removal of PRODUCTION (R-RM-4). */
    @Transactional
    public List<VendorCopy> unconfirmed() {
        return copies.list("status <> ?1 order by id", VendorCopy.Status.CONFIRMED);
    }

    @Transactional
    public CopyView record(CopyInput in) {
        VendorCopy c = new VendorCopy();
        c.organisation = organisation(in.organisation());
        c.kind = in.kind();
        c.description = in.description();
        c.holder = in.holder();
        c.status = VendorCopy.Status.OPEN;
        c.recordedBy = caller.name();
        c.recordedById = caller.id();
        c.recordedAt = clock.instant();
        copies.persist(c);
        copies.flush();
        CopyView view = view(c);
        audit.append("record", "vendor-copy", c.id, view);
        return view;
    }

    /** Checked before a file is stored: the copy is visible (404) and not confirmed yet (422). */
    @Transactional
    public void requireOpenForEvidence(long id) {
        requireUnconfirmed(visible(id));
    }

    @Transactional
    public Added addEvidence(
            long id, String fileName, String contentType, DocumentStore.Stored stored) {
        String name = DocumentStore.safeName(fileName);
        VendorCopy c = visible(id);
        requireUnconfirmed(c);
        AttachedFiles.Attached<VendorCopyEvidence> attached =
                files.attach(
                        evidence,
                        OWNER,
                        c,
                        c.id,
                        () -> {
                            VendorCopyEvidence e = new VendorCopyEvidence();
                            e.copyId = c.id;
                            return e;
                        },
                        name,
                        contentType,
                        stored);
        if (!attached.created()) {
            return new Added(view(c), false);
        }
        copies.flush();
        CopyView view = view(c);
        audit.append("evidence", "vendor-copy", c.id, fileView(attached.file()));
        return new Added(view, true);
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public AttachedFiles.FileRef evidenceFile(long id, String sha256) {
        return files.ref(
                evidence, OWNER, visible(id).id, sha256, "evidence file of vendor copy " + id);
    }

    /**
     * The vendor records how the copy was returned, destroyed or erased; at least one evidence file
     * first.
     */
    @Transactional
    public CopyView dispose(long id, String ifMatch, DispositionInput in) {
        VendorCopy c = visible(id);
        ETags.check(ifMatch, c.version);
        requireUnconfirmed(c);
        if (evidence.count("copyId", c.id) == 0) {
            throw ProblemException.rule(
                    "R-RM-4",
                    "vendor copy "
                            + id
                            + " has no evidence file of its "
                            + in.disposition()
                            + " yet (POST /vendor-copies/"
                            + id
                            + "/evidence)");
        }
        c.disposition = in.disposition();
        c.dispositionNote = in.note();
        c.disposedBy = caller.name();
        c.disposedById = caller.id();
        c.disposedAt = clock.instant();
        c.status = VendorCopy.Status.DISPOSED;
        copies.flush();
        CopyView view = view(c);
        audit.append("dispose", "vendor-copy", c.id, view);
        return view;
    }

    /**
     * jpo-admin confirms the disposition it reviewed (If-Match; R-SEC-2): never the account that
     * recorded the copy, its disposition or one of its evidence files (403 naming R-SEC-2).
     */
    @Transactional
    public CopyView confirm(long id, String ifMatch) {
        VendorCopy c = visible(id);
        ETags.check(ifMatch, c.version);
        if (c.status != VendorCopy.Status.DISPOSED) {
            throw ProblemException.rule(
                    "R-RM-4",
                    "vendor copy "
                            + id
                            + " is "
                            + c.status
                            + "; JPO confirms a copy once its return, destruction or erasure is recorded with evidence");
        }
        caller.requireNotSelf(
                "R-SEC-2", c.recordedById, c.recordedBy, "recorded vendor copy " + id);
        caller.requireNotSelf(
                "R-SEC-2",
                c.disposedById,
                c.disposedBy,
                "recorded the disposition of vendor copy " + id);
        files.requireNoneUploadedByCaller(
                files.of(evidence, OWNER, c.id), "uploaded an evidence file of vendor copy " + id);
        c.confirmedBy = caller.name();
        c.confirmedAt = clock.instant();
        c.status = VendorCopy.Status.CONFIRMED;
        copies.flush();
        c.auditMac = seals.seal("confirm", c); // #15 item 7
        copies.flush();
        return view(c);
    }

    private void requireUnconfirmed(VendorCopy c) {
        if (c.status == VendorCopy.Status.CONFIRMED) {
            throw ProblemException.rule(
                    "R-RM-4", "vendor copy " + c.id + " is confirmed by JPO; its record is final");
        }
    }

    private boolean vendorSide() {
        return caller.isVendorSide() && !caller.hasRole(Roles.JPO_ADMIN);
    }

    private String organisation(String requested) {
        if (vendorSide()) {
            return caller.organisation()
                    .orElseThrow(
                            () ->
                                    ProblemException.of(
                                            ProblemType.FORBIDDEN,
                                            "a vendor token without an organisation cannot record copies"));
        }
        if (requested == null || requested.isBlank()) {
            throw ProblemException.badField(
                    "organisation", "is required (the vendor organisation that held the copy)");
        }
        return requested;
    }

    private VendorCopy visible(long id) {
        return copies.findByIdOptional(id)
                .filter(c -> caller.maySee(c.organisation))
                .orElseThrow(() -> ProblemException.notFound("vendor copy", id));
    }

    private FileView fileView(VendorCopyEvidence e) {
        StoredDocument doc = files.document(e);
        return new FileView(
                e.fileSha256,
                e.fileName,
                doc == null ? null : doc.contentType,
                doc == null ? 0 : doc.size,
                e.uploadedBy,
                e.uploadedAt);
    }

    private CopyView view(VendorCopy c) {
        List<FileView> evidenceFiles =
                this.files.of(evidence, OWNER, c.id).stream().map(this::fileView).toList();
        return new CopyView(
                c.id,
                c.organisation,
                c.kind,
                c.description,
                c.holder,
                c.status,
                c.recordedBy,
                c.recordedAt,
                c.disposition,
                c.dispositionNote,
                c.disposedBy,
                c.disposedAt,
                c.confirmedBy,
                c.confirmedAt,
                evidenceFiles,
                c.version);
    }
}
