package io.kiban.lifecycle.phase;

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

/** One line of the restoration checklist (原状復帰, R-RM-1). */
@Entity
@Table(name = "restoration_item")
public class RestorationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(nullable = false)
    public String label;

    @Column(name = "vendor_note")
    public String vendorNote;

    /** Who wrote the note (R-SEC-2: never the signer). */
    @Column(name = "vendor_note_by")
    public String vendorNoteBy;

    /** The account (issuer#subject) that wrote the note; null on rows older than V42. */
    @Column(name = "vendor_note_by_id")
    public String vendorNoteById;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    /** #15 item 7: the MAC of the audit entry that signed the item off (V41). */
    @Column(name = "audit_mac")
    public String auditMac;

    @Version public long version;
}
