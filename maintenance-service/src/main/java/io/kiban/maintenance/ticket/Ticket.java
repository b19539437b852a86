package io.kiban.maintenance.ticket;

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

@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "hardware_id", nullable = false)
    public String hardwareId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "fault_class", nullable = false)
    public FaultClass faultClass;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "response_due", nullable = false)
    public Instant responseDue;

    @Column(name = "restoration_due", nullable = false)
    public Instant restorationDue;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** When the ticket was closed or cancelled. */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** The filing account (issuer#subject). */
    @Column(name = "filed_by_id")
    public String filedById;

    /** Filed by JPO (jpo-admin or jpo-staff): a vendor never cancels such a ticket. */
    @Column(name = "filed_by_jpo", nullable = false)
    public boolean filedByJpo;

    /**
     * Whether JPO (jpo-admin) made the ACKNOWLEDGED transition: only such a ticket may hold its
     * array's scheduled backups (backup-service, SEC-BK-4); a vendor's own acknowledgement answers
     * R-MT-1 but holds nothing.
     */
    @Column(name = "acknowledged_by_jpo", nullable = false)
    public boolean acknowledgedByJpo;

    /** The environment of the hardware when the ticket was filed (asset-service). */
    public String environment;

    @Version public long version;

    /**
     * R-MT-1: the first response came (or is still missing) after its target. A ticket cancelled or
     * resolved without a response counts from the moment it ended: ending it after the target
     * passed does not erase the breach.
     */
    public boolean responseLate(Instant now) {
        Instant answered =
                acknowledgedAt != null ? acknowledgedAt : endedAt != null ? endedAt : now;
        return answered.isAfter(responseDue);
    }

    /** R-MT-1: service was restored (or is still not) after its target. */
    public boolean restorationLate(Instant now) {
        Instant restored = resolvedAt != null ? resolvedAt : endedAt != null ? endedAt : now;
        return restored.isAfter(restorationDue);
    }
}
