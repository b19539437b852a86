package io.kiban.lifecycle.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An archive handed over to JPO (R-RM-4): its file, its own SHA-256 and when it was made. */
@Entity
@Table(name = "archive")
public class Archive {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    @Column(nullable = false)
    public int entries;

    /**
     * R-RM-4: the SHA-256 JPO computed from the file it received (equal to {@link #sha256}), who
     * and when.
     */
    @Column(name = "received_sha256")
    public String receivedSha256;

    @Column(name = "received_by")
    public String receivedBy;

    @Column(name = "received_at")
    public Instant receivedAt;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
