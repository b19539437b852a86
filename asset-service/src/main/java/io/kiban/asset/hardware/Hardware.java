package io.kiban.asset.hardware;

import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
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

/** Sheet 1 (ハードウェア): one leased hardware item. */
@Entity
@Audited
@Table(name = "hardware")
public class Hardware {

    /**
     * From a sequence (V14, not IDENTITY) so that a bulk import of thousands of rows is written in
     * JDBC batches.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hardware_seq")
    @SequenceGenerator(name = "hardware_seq", sequenceName = "hardware_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "model_number")
    public String modelNumber;

    public String manufacturer;

    @Enumerated(EnumType.STRING)
    @Column(name = "hardware_class", nullable = false)
    public HardwareClass hardwareClass;

    @Column(name = "contract_form")
    public String contractForm;

    @Column(name = "maintenance_deadline")
    public LocalDate maintenanceDeadline;

    @Column(name = "serial_number", nullable = false)
    public String serialNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    public String rack;

    @Column(name = "rack_position")
    public String rackPosition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HardwareStatus status;

    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_condition", nullable = false)
    public Condition condition;

    @Column(name = "baseline_item")
    public String baselineItem;

    @Column(nullable = false)
    public boolean discontinued;

    @Column(name = "substitute_for_id")
    public Long substituteForId;

    @Version public long version;
}
