package io.kiban.maintenance.evidence;

import io.kiban.maintenance.support.MediumKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate of sanitization (NIST SP 800-88 Rev.1 Appendix G). Once ACCEPTED the row can never
 * change or be deleted: there is no update path, and database triggers refuse it.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    public enum Status {
        SUBMITTED,
        ACCEPTED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id", nullable = false)
    public Long itemId;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "media_type", nullable = false)
    public MediumKind mediaType;

    public String make;

    public String model;

    @Column(nullable = false)
    public String serial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Method method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Technique technique;

    public String tool;

    @Column(name = "tool_version")
    public String toolVersion;

    @Column(nullable = false)
    public String verification;

    @Column(name = "performed_on", nullable = false)
    public LocalDate performedOn;

    @Column(nullable = false)
    public String place;

    @Column(name = "performed_by", nullable = false)
    public String performedBy;

    @Column(nullable = false)
    public String destination;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Issuer issuer;

    @Column(name = "contractor_id")
    public Long contractorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** R-SEC-2: the submitting account (issuer#subject); it never decides on this evidence. */
    @Column(name = "submitted_by_id")
    public String submittedById;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    /**
     * #15 item 7: the MAC of the audit entry that accepted or rejected this evidence (see {@link
     * EvidenceSeals}).
     */
    @Column(name = "audit_mac")
    public String auditMac;

    @Version public long version;

    /**
     * #15 item 7: the decided fields the decision's audit entry seals (its state digest is their
     * canonical digest): id, status, who decided and when, and the SHA-256 of every file, in upload
     * order.
     */
    public java.util.Map<String, Object> sealFields(java.util.List<EvidenceFile> files) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status.name());
        m.put("decidedBy", decidedBy);
        m.put("decidedAt", decidedAt);
        m.put("fileSha256", files.stream().map(f -> f.sha256).toList());
        return m;
    }
}
