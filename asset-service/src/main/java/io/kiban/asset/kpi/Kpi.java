package io.kiban.asset.kpi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.hibernate.envers.Audited;

/**
 * Sheet 9 (指標): an indicator with its class and planned value; measured values are {@link
 * KpiMeasurement}s.
 */
@Entity
@Audited
@Table(name = "kpi")
public class Kpi {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "kpi_class", nullable = false)
    public String kpiClass;

    @Column(name = "planned_value", precision = 20, scale = 4)
    public BigDecimal plannedValue;

    public String unit;

    @Version public long version;
}
