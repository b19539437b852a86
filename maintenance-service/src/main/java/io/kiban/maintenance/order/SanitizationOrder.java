package io.kiban.maintenance.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Media still installed when an environment (or listed hardware) is removed: each needs evidence
 * too.
 */
@Entity
@Table(name = "sanitization_order")
public class SanitizationOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    public String environment;

    /** Comma-separated hardware ids, when the order lists hardware. */
    @Column(name = "hardware_ids")
    public String hardwareIds;

    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
