package io.kiban.maintenance.custody;

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

/** One physical medium that must end with accepted destruction evidence. */
@Entity
@Table(name = "custody_item")
public class CustodyItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemSource source;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "replacement_id")
    public String replacementId;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "hardware_id")
    public String hardwareId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediumKind kind;

    public String make;

    public String model;

    @Column(nullable = false)
    public String serial;

    public String contents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustodyStatus status;

    public String holder;

    public String location;

    /**
     * The environment of the medium's hardware (outstanding report per environment, removal gate).
     */
    public String environment;

    /**
     * The account (issuer#subject) that started the chain (R-SEC-2: it never approves its PURGE
     * exception).
     */
    @Column(name = "recorded_by_id")
    public String recordedById;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "purge_approved_at")
    public Instant purgeApprovedAt;

    @Column(name = "purge_approved_by")
    public String purgeApprovedBy;

    @Column(name = "purge_approval_reason")
    public String purgeApprovalReason;

    @Version public long version;
}
