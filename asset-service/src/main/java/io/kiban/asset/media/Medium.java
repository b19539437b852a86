package io.kiban.asset.media;

import io.kiban.asset.support.Condition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/**
 * A data-bearing medium inside a hardware item. Removing it sets {@code removedOn}; the row stays,
 * so every medium ever installed can be accounted for at destruction and removal (R-MT-3, R-RM-3).
 */
@Entity
@Audited
@Table(name = "medium")
public class Medium {

    /**
     * From a sequence (V14, not IDENTITY) so that a bulk import of thousands of rows is written in
     * JDBC batches.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "medium_seq")
    @SequenceGenerator(name = "medium_seq", sequenceName = "medium_seq", allocationSize = 50)
    public Long id;

    @Column(name = "hardware_id", nullable = false)
    public Long hardwareId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediumKind kind;

    @Column(name = "serial_number", nullable = false)
    public String serialNumber;

    public String make;

    public String model;

    /** Unknown (null) for an unregistered part. */
    @Enumerated(EnumType.STRING)
    @Column(name = "item_condition")
    public Condition condition;

    @Column(name = "installed_on")
    public LocalDate installedOn;

    @Column(name = "removed_on")
    public LocalDate removedOn;

    @Column(name = "removal_reference")
    public String removalReference;

    @Column(name = "replaced_by_id")
    public Long replacedById;

    /**
     * How it left: REPLACEMENT or SANITIZATION_ORDER; null for a removal recorded before that was
     * required.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "removal_via")
    public RemovalVia removalVia;

    /**
     * The ledger says whether a medium bears data; only jpo-admin may declare it does not (issue 13
     * hole 1).
     */
    @Column(name = "data_bearing", nullable = false)
    public boolean dataBearing = true;

    @Column(name = "not_data_bearing_reason")
    public String notDataBearingReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediumOrigin origin = MediumOrigin.LEDGER;

    /** jpo-admin's reason when recording an unregistered part. */
    @Column(name = "origin_reason")
    public String originReason;

    @Version public long version;
}
