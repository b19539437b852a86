package io.kiban.lifecycle.deliverable;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * #19: a stored file (photo, PDF; content-addressed by SHA-256, see {@link StoredDocument})
 * attached to one record as its evidence, kept, never rewritten. Each kind of record keeps its own
 * table and owner column (restoration items, vendor copies); the columns below are the same in
 * each, and {@link AttachedFiles} attaches and finds them.
 */
@MappedSuperclass
public abstract class AttachedFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** The account (issuer#subject) that uploaded it (R-SEC-2); null on rows older than V42. */
    @Column(name = "uploaded_by_id")
    public String uploadedById;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
