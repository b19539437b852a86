package io.kiban.asset.rack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/**
 * A hardware item mounted in units {@code bottomUnit … topUnit()} of a rack; one place per item.
 */
@Entity
@Audited
@Table(name = "rack_position")
public class RackPosition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rack_id", nullable = false)
    public Long rackId;

    @Column(name = "hardware_id", nullable = false)
    public Long hardwareId;

    @Column(name = "bottom_unit", nullable = false)
    public int bottomUnit;

    @Column(name = "height_units", nullable = false)
    public int heightUnits;

    @Version public long version;

    public int topUnit() {
        return bottomUnit + heightUnits - 1;
    }
}
