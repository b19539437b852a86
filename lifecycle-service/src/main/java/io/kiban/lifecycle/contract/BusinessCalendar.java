package io.kiban.lifecycle.contract;

import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.ContractDtos.CalendarDate;
import io.kiban.lifecycle.contract.ContractDtos.HolidayView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The JPO business calendar (行政機関の休日): weekends, the national holidays and the year-end closure
 * 12/29–1/3 held as data (V3 migration). A deadline on a non-business day keeps its date; its practical
 * due date is the previous business day.
 */
@ApplicationScoped
public class BusinessCalendar {

    @ApplicationScoped
    public static class HolidayRepository implements PanacheRepositoryBase<Holiday, LocalDate> {
    }

    private final HolidayRepository holidays;

    public BusinessCalendar(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && holidays.findByIdOptional(date).isEmpty();
    }

    /** The latest business day on or before {@code date}. */
    public LocalDate practicalDueDate(LocalDate date) {
        LocalDate d = date;
        while (!isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    public CalendarDate describe(LocalDate date) {
        LocalDate practical = practicalDueDate(date);
        return new CalendarDate(date, ReiwaDates.format(date), practical.equals(date), practical,
                ReiwaDates.format(practical));
    }

    public List<HolidayView> holidays(LocalDate from, LocalDate to) {
        return holidays.list("date >= ?1 and date <= ?2 order by date", from, to).stream()
                .map(h -> new HolidayView(h.date, ReiwaDates.format(h.date), h.name, h.kind, h.source))
                .toList();
    }
}
