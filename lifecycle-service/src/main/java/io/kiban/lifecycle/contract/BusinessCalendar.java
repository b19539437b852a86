package io.kiban.lifecycle.contract;

import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.ContractDtos.CalendarDate;
import io.kiban.lifecycle.contract.ContractDtos.HolidayView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The JPO business calendar (行政機関の休日): weekends, the national holidays and the year-end closure
 * 12/29–1/3 held as data (V3 migration). A deadline on a non-business day keeps its date; its
 * practical due date is the previous business day.
 */
@ApplicationScoped
public class BusinessCalendar {

    private final HolidayRepository holidays;

    public BusinessCalendar(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY
                && d != DayOfWeek.SUNDAY
                && holidays.findByIdOptional(date).isEmpty();
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
        int official = officialThrough();
        return new CalendarDate(
                date,
                ReiwaDates.format(date),
                practical.equals(date),
                practical,
                ReiwaDates.format(practical),
                date.getYear() > official || practical.getYear() > official,
                official);
    }

    public List<HolidayView> holidays(LocalDate from, LocalDate to) {
        int official = officialThrough();
        return holidays.list("date >= ?1 and date <= ?2 order by date", from, to).stream()
                .map(
                        h ->
                                new HolidayView(
                                        h.date,
                                        ReiwaDates.format(h.date),
                                        h.name,
                                        h.kind,
                                        h.source,
                                        "NATIONAL".equals(h.kind) && h.date.getYear() > official))
                .toList();
    }

    /**
     * Issue #18: the last year whose national holidays are official — the last year of the newest
     * Cabinet Office list imported ({@code calendar_import}; V3's initial state holds 2026–2027
     * officially). Later years keep their computed holidays and every answer resting on them says
     * {@code computed}.
     */
    public int officialThrough() {
        Integer max =
                holidays.getEntityManager()
                        .createQuery(
                                "select max(i.officialThrough) from CalendarImport i",
                                Integer.class)
                        .getSingleResult();
        return max == null ? 0 : max;
    }

    /** Whether any of these dates falls in a year without official holidays. */
    public boolean isComputed(LocalDate... dates) {
        int official = officialThrough();
        for (LocalDate d : dates) {
            if (d != null && d.getYear() > official) {
                return true;
            }
        }
        return false;
    }
}
