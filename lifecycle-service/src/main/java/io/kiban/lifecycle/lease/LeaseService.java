package io.kiban.lifecycle.lease;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractAmount;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.lease.LeaseDtos.DelayInput;
import io.kiban.lifecycle.lease.LeaseDtos.DelayView;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionAmountInput;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionInput;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionView;
import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Line;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import io.kiban.lifecycle.lease.LeaseDtos.Totals;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly lease ledger (R-LC-7) with delay deductions (R-LC-14) and negotiated extensions (R-LC-9).
 *
 * <p>R-LC-14: for each calendar day of a vendor-caused delay of the production start that falls inside a
 * paid lease month, that month's lease and maintenance amounts are reduced by amount × days ÷ calendar days
 * of the month, per expense category, rounded down to the yen (円未満切捨て). Overlapping vendor delays count
 * each day once; delays of another cause deduct nothing.
 */
@ApplicationScoped
public class LeaseService {

    public static final String RULE = "R-LC-14: for the days of a vendor-caused production-start delay that fall "
            + "inside a paid lease month, that month's lease and maintenance amounts are deducted pro rata per "
            + "calendar day (amount × delay days ÷ days of the month, per expense category, rounded down to the yen); "
            + "overlapping vendor delays count each day once; delays of cause OTHER deduct nothing.";

    @ApplicationScoped
    public static class DelayRepository implements PanacheRepository<ProductionDelay> {
    }

    @ApplicationScoped
    public static class ExtensionRepository implements PanacheRepository<LeaseExtension> {
    }

    private final DelayRepository delays;
    private final ExtensionRepository extensions;
    private final ContractService contracts;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public LeaseService(DelayRepository delays, ExtensionRepository extensions, ContractService contracts,
            AuditTrail audit, Caller caller, Clock clock) {
        this.delays = delays;
        this.extensions = extensions;
        this.contracts = contracts;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // ---- delays

    @Transactional
    public List<DelayView> delays() {
        return delays.list("order by startDate, id").stream().map(LeaseService::view).toList();
    }

    @Transactional
    public DelayView recordDelay(DelayInput in) {
        Contract c = contracts.contract();
        if (in.endDate().isBefore(in.startDate())) {
            throw ProblemException.badField("endDate", "must not be before startDate");
        }
        if (in.startDate().isBefore(c.productionStart) || in.endDate().isAfter(c.contractEnd)) {
            throw ProblemException.rule("R-LC-1", "a production-start delay lies between the planned production start "
                    + c.productionStart + " and the contract end " + c.contractEnd);
        }
        ProductionDelay d = new ProductionDelay();
        d.cause = in.cause();
        d.startDate = in.startDate();
        d.endDate = in.endDate();
        d.note = in.note();
        d.recordedBy = caller.name();
        d.recordedAt = clock.instant();
        delays.persist(d);
        delays.flush();
        DelayView view = view(d);
        audit.append("record", "production-delay", d.id, view);
        return view;
    }

    @Transactional
    public void deleteDelay(long id, String ifMatch) {
        ProductionDelay d = delays.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("delay", id));
        ETags.check(ifMatch, d.version);
        delays.delete(d);
        audit.append("delete", "production-delay", id, null);
    }

    @Transactional
    public DelayView delay(long id) {
        return view(delays.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("delay", id)));
    }

    private static DelayView view(ProductionDelay d) {
        return new DelayView(d.id, d.cause, d.startDate, d.endDate, ReiwaDates.format(d.startDate),
                ReiwaDates.format(d.endDate), ChronoUnit.DAYS.between(d.startDate, d.endDate) + 1, d.note,
                d.recordedBy, d.recordedAt, d.version);
    }

    // ---- extensions (R-LC-9)

    @Transactional
    public List<ExtensionView> extensions() {
        return extensions.list("order by firstMonth").stream().map(LeaseService::view).toList();
    }

    @Transactional
    public ExtensionView recordExtension(ExtensionInput in) {
        Contract c = contracts.contract();
        YearMonth first = month("firstMonth", in.firstMonth());
        YearMonth last = month("lastMonth", in.lastMonth());
        if (last.isBefore(first)) {
            throw ProblemException.badField("lastMonth", "must not be before firstMonth");
        }
        YearMonth expected = ledgerEnd(c).plusMonths(1);
        if (!first.equals(expected)) {
            throw ProblemException.rule("R-LC-9", "a negotiated extension continues the ledger: its first month must be "
                    + expected);
        }
        if (in.agreedOn().isAfter(first.atDay(1))) {
            throw ProblemException.rule("R-LC-9", "the terms of use after the lease are agreed before that use begins");
        }
        LeaseExtension e = new LeaseExtension();
        e.firstMonth = first.atDay(1);
        e.lastMonth = last.atDay(1);
        e.agreedOn = in.agreedOn();
        e.reference = in.reference();
        e.recordedBy = caller.name();
        e.recordedAt = clock.instant();
        for (ExtensionAmountInput a : in.amounts()) {
            if (e.amounts.stream().anyMatch(x -> x.categoryCode.equals(a.categoryCode()))) {
                throw ProblemException.badField("amounts", "category " + a.categoryCode() + " appears twice");
            }
            LeaseExtension.Amount amount = new LeaseExtension.Amount();
            amount.categoryCode = a.categoryCode();
            amount.leaseMonthly = a.leaseMonthly();
            amount.maintenanceMonthly = a.maintenanceMonthly();
            e.amounts.add(amount);
        }
        extensions.persist(e);
        extensions.flush();
        ExtensionView view = view(e);
        audit.append("record", "lease-extension", e.id, view);
        return view;
    }

    /** Withdraws the last extension (a record entered by mistake); audited. */
    @Transactional
    public void deleteExtension(long id) {
        LeaseExtension e = extensions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("extension", id));
        LeaseExtension last = extensions.find("order by firstMonth desc").firstResult();
        if (!last.id.equals(e.id)) {
            throw ProblemException.rule("R-LC-9", "only the last extension can be withdrawn");
        }
        extensions.delete(e);
        audit.append("delete", "lease-extension", id, null);
    }

    private static ExtensionView view(LeaseExtension e) {
        return new ExtensionView(e.id, YearMonth.from(e.firstMonth).toString(), YearMonth.from(e.lastMonth).toString(),
                e.agreedOn, e.reference, e.amounts.stream()
                        .map(a -> new ExtensionAmountInput(a.categoryCode, a.leaseMonthly, a.maintenanceMonthly))
                        .toList(),
                e.recordedBy, e.recordedAt);
    }

    private YearMonth ledgerEnd(Contract c) {
        return extensions.find("order by lastMonth desc").firstResultOptional()
                .map(e -> YearMonth.from(e.lastMonth)).orElse(YearMonth.from(c.leaseEnd));
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "expected yyyy-MM");
        }
    }

    // ---- the ledger

    @Transactional
    public Ledger ledger() {
        Contract c = contracts.contract();
        List<ProductionDelay> vendorDelays = delays.list("cause", ProductionDelay.Cause.VENDOR);
        Map<String, String> names = new HashMap<>();
        c.amounts.forEach(a -> names.put(a.categoryCode, a.categoryName));
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(c.leaseStart); !m.isAfter(YearMonth.from(c.leaseEnd)); m = m.plusMonths(1)) {
            List<long[]> amounts = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (ContractAmount a : c.amounts) {
                codes.add(a.categoryCode);
                amounts.add(new long[] { a.leaseMonthly, a.maintenanceMonthly });
            }
            months.add(month(m, "CONTRACT", codes, amounts, names, vendorDelays));
        }
        for (LeaseExtension e : extensions.list("order by firstMonth")) {
            for (YearMonth m = YearMonth.from(e.firstMonth); !m.isAfter(YearMonth.from(e.lastMonth)); m = m.plusMonths(1)) {
                List<long[]> amounts = new ArrayList<>();
                List<String> codes = new ArrayList<>();
                for (LeaseExtension.Amount a : e.amounts) {
                    codes.add(a.categoryCode);
                    amounts.add(new long[] { a.leaseMonthly, a.maintenanceMonthly });
                }
                months.add(month(m, "EXTENSION-" + e.id, codes, amounts, names, vendorDelays));
            }
        }
        long lease = 0, maintenance = 0, deduction = 0, net = 0;
        for (Month m : months) {
            for (Line l : m.lines()) {
                lease += l.lease();
                maintenance += l.maintenance();
            }
            deduction += m.deduction();
            net += m.net();
        }
        return new Ledger(RULE, months, new Totals(months.size(), lease, maintenance, lease + maintenance, deduction, net));
    }

    /** One month of the ledger, or 404 when the month is not a paid month (R-LC-9: none after the lease without an extension). */
    @Transactional
    public Month period(String month) {
        YearMonth m = month("month", month);
        return ledger().months().stream().filter(x -> x.month().equals(m.toString())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lease period", m));
    }

    private static Month month(YearMonth m, String terms, List<String> codes, List<long[]> amounts,
            Map<String, String> names, List<ProductionDelay> vendorDelays) {
        int days = m.lengthOfMonth();
        int delayDays = vendorDelayDays(m, vendorDelays);
        List<Line> lines = new ArrayList<>();
        long gross = 0, deduction = 0;
        for (int i = 0; i < codes.size(); i++) {
            long lease = amounts.get(i)[0];
            long maintenance = amounts.get(i)[1];
            long leaseCut = proRata(lease, delayDays, days);
            long maintenanceCut = proRata(maintenance, delayDays, days);
            lines.add(new Line(codes.get(i), names.getOrDefault(codes.get(i), codes.get(i)), lease, maintenance,
                    leaseCut, maintenanceCut, lease - leaseCut, maintenance - maintenanceCut));
            gross += lease + maintenance;
            deduction += leaseCut + maintenanceCut;
        }
        lines.sort(Comparator.comparing(Line::categoryCode));
        return new Month(m.toString(), m.atDay(1), ReiwaDates.format(m.atDay(1)), days, delayDays, terms, lines, gross,
                deduction, gross - deduction);
    }

    /** Days of the month covered by at least one vendor-caused delay (each day once). */
    static int vendorDelayDays(YearMonth m, List<ProductionDelay> vendorDelays) {
        int count = 0;
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            LocalDate day = d;
            if (vendorDelays.stream().anyMatch(x -> !day.isBefore(x.startDate) && !day.isAfter(x.endDate))) {
                count++;
            }
        }
        return count;
    }

    /** amount × days ÷ monthDays, rounded down to the yen. */
    static long proRata(long amount, int days, int monthDays) {
        if (days == 0) {
            return 0;
        }
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(monthDays), 0, RoundingMode.DOWN).longValueExact();
    }
}
