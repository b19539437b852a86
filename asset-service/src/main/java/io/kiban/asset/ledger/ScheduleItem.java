package io.kiban.asset.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** Sheet 12 (スケジュール・工数): a task with planned and actual dates and effort (person-days). */
@Entity
@Audited
@Table(name = "schedule_item")
public class ScheduleItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task", nullable = false)
    public String task;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_end")
    public LocalDate actualEnd;

    @Column(name = "planned_effort")
    public BigDecimal plannedEffort;

    @Column(name = "actual_effort")
    public BigDecimal actualEffort;

    @Version public long version;
}
