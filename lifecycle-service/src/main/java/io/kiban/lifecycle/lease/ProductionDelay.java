package io.kiban.lifecycle.lease;

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
 * A period by which the start of production operation was late, and whose fault it was (R-LC-14).
 */
@Entity
@Table(name = "production_delay")
public class ProductionDelay {

    public enum Cause {
        VENDOR,
        OTHER
    }

    /** R-SEC-2: recorded by one jpo-admin, counted only once a second jpo-admin approved it. */
    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    /** Inclusive. */
    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_id")
    public String recordedById;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_by_id")
    public String approvedById;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Version public long version;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
