package io.kiban.lifecycle.contract;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.commons.time.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue #18: the national holidays imported from the Cabinet Office list. The file replaces the
 * national holidays of every contract year it covers (2026 on; the year-end closure 12/29–1/3 is
 * law and stays), as one transaction; the same file again (same SHA-256) changes nothing and
 * answers the stored import. Years after the last year of the newest official list keep their
 * computed holidays (V3) and are answered as computed.
 */
@ApplicationScoped
class CalendarImportService {

    /**
     * The contract's calendar starts in 2026: earlier rows of the list are read, checked and not
     * stored.
     */
    static final int FIRST_YEAR = 2026;

    public record ImportView(
            long id,
            String fileName,
            String sha256,
            LocalDate asOf,
            LocalDate firstDate,
            LocalDate lastDate,
            int officialThrough,
            int rowsInFile,
            int rowsStored,
            String source,
            String importedBy,
            java.time.Instant importedAt) {

        static ImportView of(CalendarImport i) {
            return new ImportView(
                    i.id,
                    i.fileName,
                    i.sha256,
                    i.asOf,
                    i.firstDate,
                    i.lastDate,
                    i.officialThrough,
                    i.rowsInFile,
                    i.rowsStored,
                    i.source,
                    i.importedBy,
                    i.importedAt);
        }
    }

    /** {@code created}: false when the same file was imported before (nothing changed). */
    public record Imported(ImportView view, boolean created) {}

    private final ImportRepository imports;
    private final HolidayRepository holidays;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Caller caller;
    private final Clock clock;

    public CalendarImportService(
            ImportRepository imports,
            HolidayRepository holidays,
            AuditTrail audit,
            BusinessCalendar calendar,
            Caller caller,
            Clock clock) {
        this.calendar = calendar;
        this.imports = imports;
        this.holidays = holidays;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportView> list() {
        return imports.list("order by id").stream().map(ImportView::of).toList();
    }

    @Transactional
    public Imported importCsv(String fileName, LocalDate asOf, byte[] bytes) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw ProblemException.badField(
                    "fileName", "the name of the file uploaded (1–255 characters)");
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        LocalDate when = asOf == null ? today : asOf;
        if (when.isAfter(today)) {
            throw ProblemException.badField(
                    "asOf", "the list's as-of date " + when + " is after today (" + today + ")");
        }
        List<SyukujitsuCsv.Row> rows = SyukujitsuCsv.parse(bytes);
        String sha256 = Hashes.sha256Hex(bytes);
        Optional<CalendarImport> same = imports.find("sha256", sha256).firstResultOptional();
        if (same.isPresent()) {
            return new Imported(ImportView.of(same.get()), false);
        }
        LocalDate first = rows.get(0).date();
        LocalDate last = rows.get(rows.size() - 1).date();
        int officialThrough = last.getYear();
        int current = calendar.officialThrough();
        if (officialThrough < current) {
            throw ProblemException.conflict(
                    "this list ends with "
                            + last.getYear()
                            + " but the calendar already holds "
                            + "the official holidays through "
                            + current
                            + ": an older list would turn official years "
                            + "back into computed ones; nothing was imported",
                    List.of());
        }
        if (officialThrough < FIRST_YEAR) {
            throw ProblemException.badField(
                    "file",
                    "the list ends in "
                            + officialThrough
                            + ", before the contract's calendar ("
                            + FIRST_YEAR
                            + " on)");
        }
        CalendarImport imp = new CalendarImport();
        imp.fileName = fileName;
        imp.sha256 = sha256;
        imp.asOf = when;
        imp.firstDate = first;
        imp.lastDate = last;
        imp.officialThrough = officialThrough;
        imp.rowsInFile = rows.size();
        imp.source = "内閣府 国民の祝日 " + fileName + " (SHA-256 " + sha256 + ", as of " + when + ")";
        imp.importedBy = caller.name();
        imp.importedAt = clock.instant();
        imports.persist(imp);
        imports.flush();
        // the national holidays of each year the list covers are replaced; the year-end closure
        // stays
        holidays.delete(
                "kind = ?1 and date >= ?2 and date <= ?3",
                "NATIONAL",
                LocalDate.of(Math.max(FIRST_YEAR, first.getYear()), 1, 1),
                LocalDate.of(officialThrough, 12, 31));
        holidays.flush();
        int stored = 0;
        String source = imp.source.length() > 300 ? imp.source.substring(0, 300) : imp.source;
        for (SyukujitsuCsv.Row row : rows) {
            if (row.date().getYear() < FIRST_YEAR) {
                continue;
            }
            Holiday h =
                    holidays.findById(
                            row.date()); // a year-end closure day the list names a holiday
            boolean created = h == null;
            if (created) {
                h = new Holiday();
                h.date = row.date();
            }
            h.name = row.name();
            h.kind = "NATIONAL";
            h.source = source;
            h.importId = imp.id;
            if (created) {
                holidays.persist(h);
            }
            stored++;
        }
        imp.rowsStored = stored;
        holidays.flush();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("fileName", fileName);
        state.put("sha256", sha256);
        state.put("asOf", when);
        state.put("firstDate", first);
        state.put("lastDate", last);
        state.put("officialThrough", officialThrough);
        state.put("rowsInFile", rows.size());
        state.put("rowsStored", stored);
        audit.append("import", "calendar", imp.id, state);
        return new Imported(ImportView.of(imp), true);
    }
}
