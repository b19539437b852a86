package io.kiban.asset.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** Sheet 3 (回線): a line the system uses. */
@Entity
@Audited
@Table(name = "network_line")
public class NetworkLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_type", nullable = false)
    public String lineType;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    public String carrier;

    @Column(name = "used_from")
    public LocalDate usedFrom;

    @Column(name = "used_until")
    public LocalDate usedUntil;

    public String bandwidth;

    @Version public long version;
}
