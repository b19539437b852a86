package io.kiban.lifecycle.lease;

import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Line;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import io.kiban.lifecycle.lease.LeaseDtos.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of the monthly lease ledger (R-LC-7, R-LC-9, R-LC-14), on plain values: no
 * database, no CDI. {@link LeaseService} reads the contract, the negotiated extensions, the
 * approved vendor delays and the closed months and hands them over as the records below.
 *
 * <p>R-LC-14: for each calendar day of an approved vendor-caused delay of the production start that
 * falls inside a paid lease month, JPO does not pay: per expense category, payment = floor(amount ×
 * paid days ÷ days of the month) (円未満切捨て on the payment, never on the deduction). Overlapping
 * vendor delays count each day once. A closed month keeps its stored figures.
 */
final class LedgerArithmetic {

    static final String RULE =
            "R-LC-14: JPO does not pay for the days of a vendor-caused production-start delay "
                    + "that fall inside a paid lease month: per expense category and line, payment = floor(amount × paid days ÷ "
                    + "days of the month) (rounded down to the yen, never amount − floor(deduction)); overlapping vendor delays "
                    + "count each day once; delays of cause OTHER deduct nothing; a delay counts once a second jpo-admin approved "
                    + "it (R-SEC-2). A closed month (POST /lease/periods/{yyyy-MM}/close) keeps its stored figures: amendments "
                    + "apply to open months only and a change reaching a closed month → 409.";

    /** The monthly amounts of one expense category (経費区分), in yen. */
    record Amount(String categoryCode, long leaseMonthly, long maintenanceMonthly) {}

    /**
     * A run of paid months under one set of terms: {@code CONTRACT} (R-LC-7) or {@code
     * EXTENSION-<id>} (R-LC-9), first and last month inclusive.
     */
    record Terms(String name, YearMonth first, YearMonth last, List<Amount> amounts) {}

    /** The days of one approved vendor-caused delay, both inclusive (R-LC-14). */
    record DelayDays(LocalDate start, LocalDate end) {}

    private LedgerArithmetic() {}

    /**
     * The ledger: every month of every run of terms in the order given, a closed month's stored
     * figures in place of the computed ones, and the totals.
     *
     * @param names category code → category name (a code without a name is shown as the code)
     * @param vendorDelays the approved vendor-caused delays only (others deduct nothing)
     * @param closed yyyy-MM → the figures stored when the month was closed
     */
    static Ledger ledger(
            List<Terms> terms,
            Map<String, String> names,
            List<DelayDays> vendorDelays,
            Map<String, Month> closed) {
        List<Month> months = new ArrayList<>();
        for (Terms t : terms) {
            for (YearMonth m = t.first(); !m.isAfter(t.last()); m = m.plusMonths(1)) {
                Month stored = closed.get(m.toString());
                months.add(
                        stored != null
                                ? stored
                                : month(m, t.name(), t.amounts(), names, vendorDelays));
            }
        }
        return new Ledger(RULE, months, totals(months));
    }

    /** One open month's figures: per line the amount due, what JPO pays and the deduction. */
    static Month month(
            YearMonth m,
            String terms,
            List<Amount> amounts,
            Map<String, String> names,
            List<DelayDays> vendorDelays) {
        int days = m.lengthOfMonth();
        int delayDays = vendorDelayDays(m, vendorDelays);
        int paidDays = days - delayDays;
        List<Line> lines = new ArrayList<>();
        long gross = 0, net = 0;
        for (Amount a : amounts) {
            long lease = a.leaseMonthly();
            long maintenance = a.maintenanceMonthly();
            long leasePaid = payment(lease, paidDays, days);
            long maintenancePaid = payment(maintenance, paidDays, days);
            lines.add(
                    new Line(
                            a.categoryCode(),
                            names.getOrDefault(a.categoryCode(), a.categoryCode()),
                            lease,
                            maintenance,
                            lease - leasePaid,
                            maintenance - maintenancePaid,
                            leasePaid,
                            maintenancePaid));
            gross += lease + maintenance;
            net += leasePaid + maintenancePaid;
        }
        lines.sort(Comparator.comparing(Line::categoryCode));
        return new Month(
                m.toString(),
                m.atDay(1),
                ReiwaDates.format(m.atDay(1)),
                days,
                delayDays,
                paidDays,
                terms,
                lines,
                gross,
                gross - net,
                net,
                false,
                null,
                null);
    }

    /** The sums over the months: amounts due (lease, maintenance, both), deductions, payments. */
    static Totals totals(List<Month> months) {
        long lease = 0, maintenance = 0, deduction = 0, net = 0;
        for (Month m : months) {
            for (Line l : m.lines()) {
                lease += l.lease();
                maintenance += l.maintenance();
            }
            deduction += m.deduction();
            net += m.net();
        }
        return new Totals(months.size(), lease, maintenance, lease + maintenance, deduction, net);
    }

    /** Days of the month covered by at least one vendor-caused delay (each day once). */
    static int vendorDelayDays(YearMonth m, List<DelayDays> vendorDelays) {
        int count = 0;
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            LocalDate day = d;
            if (vendorDelays.stream()
                    .anyMatch(x -> !day.isBefore(x.start()) && !day.isAfter(x.end()))) {
                count++;
            }
        }
        return count;
    }

    /**
     * R-LC-14: what JPO pays for a line, floor(amount × paidDays ÷ monthDays), rounded down to the
     * yen.
     */
    static long payment(long amount, int paidDays, int monthDays) {
        if (paidDays == monthDays) {
            return amount;
        }
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(paidDays))
                .divide(BigDecimal.valueOf(monthDays), 0, RoundingMode.DOWN)
                .longValueExact();
    }
}
