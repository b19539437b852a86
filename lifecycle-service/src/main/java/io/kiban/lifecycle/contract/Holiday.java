package io.kiban.lifecycle.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A non-business weekday or weekend date: national holiday or year-end closure (行政機関の休日). */
@Entity
@Table(name = "calendar_holiday")
public class Holiday {

    @Id
    @Column(name = "holiday_date")
    public LocalDate date;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String source;

    /** The import that stored this row (null: the V3 migration). */
    @Column(name = "import_id")
    public Long importId;
}
