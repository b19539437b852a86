package io.kiban.maintenance.contractor;

import io.kiban.commons.time.ClockProducer;
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
 * An industrial-waste contractor whose certificates JPO approved (R-MT-4). Proposed first (the
 * vendor tells JPO beforehand), then approved by a jpo-admin who did not propose it (R-SEC-2) at
 * the moment JPO records it: the approval time is server time, never a typed date. A revocation
 * takes effect when it is recorded.
 */
@Entity
@Table(name = "contractor")
public class Contractor {

    public enum Status {
        PROPOSED,
        APPROVED,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_by_id")
    public String proposedById;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_by_id")
    public String approvedById;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_reason")
    public String revocationReason;

    /**
     * #15 item 7: the MAC of the audit entry that approved or revoked it (see {@link
     * ContractorSeals}).
     */
    @Column(name = "audit_mac")
    public String auditMac;

    @Version public long version;

    /** #15 item 7: the decided fields the approval's or revocation's audit entry seals. */
    public java.util.Map<String, Object> sealFields() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status.name());
        m.put("approvedBy", approvedBy);
        m.put("approvedById", approvedById);
        m.put("approvedAt", approvedAt);
        m.put("revokedBy", revokedBy);
        m.put("revokedAt", revokedAt);
        return m;
    }

    /** The JPO calendar day (Asia/Tokyo) of the approval, or null while only proposed. */
    public LocalDate approvalDay() {
        return approvedAt == null ? null : LocalDate.ofInstant(approvedAt, ClockProducer.JPO_ZONE);
    }

    /** The JPO calendar day (Asia/Tokyo) the revocation was recorded, or null. */
    public LocalDate revocationDay() {
        return revokedAt == null ? null : LocalDate.ofInstant(revokedAt, ClockProducer.JPO_ZONE);
    }

    /**
     * R-MT-4: a certificate for a destruction performed on {@code date} counts when the approval
     * had been recorded by then (a certificate states a day, not a time: the day of approval
     * counts, any earlier day does not) and the approval was not yet revoked (the day a revocation
     * is recorded and later days do not count).
     */
    public boolean approvedOn(LocalDate date) {
        return approvedAt != null
                && !approvalDay().isAfter(date)
                && (revokedAt == null || date.isBefore(revocationDay()));
    }
}
