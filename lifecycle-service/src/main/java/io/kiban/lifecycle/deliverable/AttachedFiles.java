package io.kiban.lifecycle.deliverable;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.support.DocumentStore;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * #19: the one home of attaching a stored file to a record as its evidence, deduplicated by SHA-256
 * (restoration checklist items R-RM-1, vendor copies R-RM-4): the same file twice is one
 * attachment; who uploaded it is kept by name and account (R-SEC-2: the uploader never signs off or
 * confirms the record); an added file moves the record's version, so a decision on an If-Match read
 * before the upload is stale (412).
 */
@ApplicationScoped
public class AttachedFiles {

    /** An attachment; {@code created} is false when the same file was already attached. */
    public record Attached<F extends AttachedFile>(F file, boolean created) {}

    /** What a download of an attached file needs. */
    public record FileRef(String sha256, String fileName, String contentType, long size) {}

    private final DocumentRepository documents;
    private final Caller caller;
    private final Clock clock;

    public AttachedFiles(DocumentRepository documents, Caller caller, Clock clock) {
        this.documents = documents;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Attaches the stored file to {@code owner} (whose id is {@code ownerId} in {@code ownerField}
     * of the attachments) unless the same file is attached already; the caller is checked to be
     * allowed beforehand.
     *
     * @param newFile a new attachment with its owner column set
     * @param safeName the file name, already made safe ({@link DocumentStore#safeName})
     */
    public <F extends AttachedFile> Attached<F> attach(
            PanacheRepository<F> files,
            String ownerField,
            Object owner,
            Long ownerId,
            Supplier<F> newFile,
            String safeName,
            String contentType,
            DocumentStore.Stored stored) {
        Optional<F> existing = find(files, ownerField, ownerId, stored.sha256());
        if (existing.isPresent()) {
            return new Attached<>(existing.get(), false);
        }
        Instant now = clock.instant();
        documents.recordIfAbsent(stored, contentType, now);
        F f = newFile.get();
        f.fileSha256 = stored.sha256();
        f.fileName = safeName;
        f.uploadedBy = caller.name();
        f.uploadedById = caller.id();
        f.uploadedAt = now;
        files.persist(f);
        // R-SEC-2: the version JPO decides on includes the evidence
        files.getEntityManager().lock(owner, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        files.flush();
        return new Attached<>(f, true);
    }

    /** The attached file {@code sha256} of the owner, for its download; 404 naming {@code what}. */
    public <F extends AttachedFile> FileRef ref(
            PanacheRepository<F> files,
            String ownerField,
            Long ownerId,
            String sha256,
            String what) {
        F f =
                find(files, ownerField, ownerId, sha256)
                        .orElseThrow(() -> ProblemException.notFound(what, sha256));
        StoredDocument doc = documents.findById(f.fileSha256);
        return new FileRef(f.fileSha256, f.fileName, doc.contentType, doc.size);
    }

    /** The attachments of one owner, oldest first. */
    public <F extends AttachedFile> List<F> of(
            PanacheRepository<F> files, String ownerField, Long ownerId) {
        return files.list(ownerField + " = ?1 order by id", ownerId);
    }

    /** The stored document of an attachment (content type and size), or null. */
    public StoredDocument document(AttachedFile f) {
        return documents.findById(f.fileSha256);
    }

    /**
     * R-SEC-2: the caller's account uploaded none of {@code files} (403 naming the rule, {@code
     * what} naming the record: "uploaded an evidence file of …").
     */
    public void requireNoneUploadedByCaller(List<? extends AttachedFile> files, String what) {
        for (AttachedFile f : files) {
            caller.requireNotSelf("R-SEC-2", f.uploadedById, f.uploadedBy, what);
        }
    }

    private static <F extends AttachedFile> Optional<F> find(
            PanacheRepository<F> files, String ownerField, Long ownerId, String sha256) {
        return files.find(ownerField + " = ?1 and fileSha256 = ?2", ownerId, sha256)
                .firstResultOptional();
    }
}
