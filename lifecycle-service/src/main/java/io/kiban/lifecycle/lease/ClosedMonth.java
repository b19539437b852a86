package io.kiban.lifecycle.lease;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * R-LC-14: a lease month whose payment JPO recorded. Its figures (the ledger month as it stood,
 * JSON) are stored and never recomputed: amendments and delays recorded later apply to open months
 * only.
 */
@Entity
@Table(name = "lease_closed_month")
public class ClosedMonth {

    /** yyyy-MM */
    @Id public String month;

    @Column(nullable = false)
    public String figures;

    @Column(nullable = false)
    public long net;

    @Column(name = "closed_by", nullable = false)
    public String closedBy;

    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
