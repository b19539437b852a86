package io.kiban.maintenance.replacement;

import io.kiban.maintenance.support.MediumKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A part swapped within a ticket; written once; only its data-bearing flag may later be raised
 * (never lowered).
 */
@Entity
@Table(name = "part_replacement")
public class PartReplacement {

    /**
     * Name-based UUID of (ticket, removed serial): stable across retries, so asset-service's
     * Idempotency-Key is too.
     */
    @Id public String id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "hardware_id", nullable = false)
    public String hardwareId;

    @Enumerated(EnumType.STRING)
    @Column(name = "removed_kind", nullable = false)
    public MediumKind removedKind;

    @Column(name = "removed_make", nullable = false)
    public String removedMake;

    @Column(name = "removed_model", nullable = false)
    public String removedModel;

    @Column(name = "removed_serial", nullable = false)
    public String removedSerial;

    @Enumerated(EnumType.STRING)
    @Column(name = "installed_kind", nullable = false)
    public MediumKind installedKind;

    @Column(name = "installed_make", nullable = false)
    public String installedMake;

    @Column(name = "installed_model", nullable = false)
    public String installedModel;

    @Column(name = "installed_serial", nullable = false)
    public String installedSerial;

    @Enumerated(EnumType.STRING)
    @Column(name = "installed_condition", nullable = false)
    public PartCondition installedCondition;

    @Column(name = "data_bearing", nullable = false)
    public boolean dataBearing;

    /** Who overrode the kind's default, at recording or later, when someone did. */
    @Column(name = "data_bearing_set_by")
    public String dataBearingSetBy;

    @Column(name = "replaced_on", nullable = false)
    public LocalDate replacedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_id")
    public String recordedById;

    /**
     * What asset-service's media ledger said of the removed serial: LEDGER, UNREGISTERED_PART or
     * NONE.
     */
    @Column(name = "ledger_origin")
    public String ledgerOrigin;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
