package io.kiban.asset.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/** Sheet 5 (施設): a facility with its form, address, durability, racks and zones. */
@Entity
@Audited
@Table(name = "facility")
public class Facility {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "form")
    public String form;

    @Column(name = "address")
    public String address;

    @Column(name = "durability")
    public String durability;

    @Column(name = "rack_count")
    public Integer rackCount;

    @Column(name = "racks")
    public String racks;

    @Column(name = "zones")
    public String zones;

    @Version public long version;
}
