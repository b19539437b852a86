package io.kiban.lifecycle.phase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An evidence file (photo or PDF) of one restoration checklist item (原状復帰, R-RM-1); kept, never
 * rewritten.
 */
@Entity
@Table(name = "restoration_evidence")
public class RestorationEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "restoration_item_id", nullable = false)
    public Long itemId;

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
