package io.kiban.asset.rack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/** Sheet 5 (施設): one rack of a facility, {@code heightUnits} units high (U1 at the bottom). */
@Entity
@Audited
@Table(name = "rack")
public class Rack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "facility_id", nullable = false)
    public Long facilityId;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "height_units", nullable = false)
    public int heightUnits;

    @Column(name = "note")
    public String note;

    @Version public long version;
}
