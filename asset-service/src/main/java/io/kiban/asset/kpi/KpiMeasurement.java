package io.kiban.asset.kpi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One measured value of a KPI (resource figures feed the next renewal, §1.3 No.3). Append-only. */
@Entity
@Table(name = "kpi_measurement")
public class KpiMeasurement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kpi_id", nullable = false)
    public Long kpiId;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Column(name = "measured_value", nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
