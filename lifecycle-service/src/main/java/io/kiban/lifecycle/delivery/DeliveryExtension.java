package io.kiban.lifecycle.delivery;

import io.kiban.lifecycle.support.Environment;
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

/** An item-level delivery extension (R-LC-3): proposed by the vendor, approved by jpo-admin. */
@Entity
@Table(name = "delivery_extension")
public class DeliveryExtension {

    /** 半導体不足等: a semiconductor shortage, or another cause as unavoidable, explained. */
    public enum Cause {
        SEMICONDUCTOR_SHORTAGE,
        OTHER_UNAVOIDABLE
    }

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
    public Environment environment;

    @Column(name = "baseline_item", nullable = false)
    public String baselineItem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "new_date", nullable = false)
    public LocalDate newDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    /** Token identity (issuer#subject) of the proposer: never the approver (R-SEC-2). */
    @Column(name = "proposed_by_id")
    public String proposedById;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_by_id")
    public String decidedById;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version public long version;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
