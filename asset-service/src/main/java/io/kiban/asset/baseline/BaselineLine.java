package io.kiban.asset.baseline;

import io.kiban.asset.hardware.HardwareClass;
import io.kiban.asset.support.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/**
 * One line of the procurement baseline (tables 4.5-2/4.5-3): an item code, per environment, with
 * its quantity.
 */
@Entity
@Audited
@Table(name = "baseline_line")
public class BaselineLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "hardware_class", nullable = false)
    public HardwareClass hardwareClass;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_ja")
    public String nameJa;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    @Column(name = "required_quantity", nullable = false)
    public int requiredQuantity;

    @Version public long version;
}
