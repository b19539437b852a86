package io.kiban.lifecycle.removal;

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

/**
 * R-RM-4 / security 8): one copy of the work's information a vendor held (a device brought in, a
 * copy made outside JPO, a lent document), how it was returned, destroyed or erased, and JPO's
 * confirmation.
 */
@Entity
@Table(name = "vendor_copy")
public class VendorCopy {

    public enum Kind {
        DEVICE_BROUGHT_IN,
        COPY_OUTSIDE_JPO,
        LENT_DOCUMENT
    }

    public enum Disposition {
        RETURNED,
        DESTROYED,
        ERASED
    }

    /** OPEN → DISPOSED (the vendor recorded the disposition with evidence) → CONFIRMED (by JPO). */
    public enum Status {
        OPEN,
        DISPOSED,
        CONFIRMED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String description;

    public String holder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The account (issuer#subject) that recorded the copy (R-SEC-2); null before V42. */
    @Column(name = "recorded_by_id")
    public String recordedById;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    @Column(name = "disposition_note")
    public String dispositionNote;

    @Column(name = "disposed_by")
    public String disposedBy;

    /** The account (issuer#subject) that recorded the disposition (R-SEC-2); null before V42. */
    @Column(name = "disposed_by_id")
    public String disposedById;

    @Column(name = "disposed_at")
    public Instant disposedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** #15 item 7: the MAC of the audit entry that confirmed the copy (V25). */
    @Column(name = "audit_mac")
    public String auditMac;

    @Version public long version;
}
