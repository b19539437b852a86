package io.kiban.maintenance.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file of an evidence record, stored under its SHA-256; the client's file name is metadata only.
 */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evidence_id", nullable = false)
    public Long evidenceId;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "original_name")
    public String originalName;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** R-SEC-2: the uploading account (issuer#subject); it never decides on the evidence. */
    @Column(name = "uploaded_by_id")
    public String uploadedById;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
