package io.kiban.lifecycle.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Line;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import io.kiban.lifecycle.lease.LedgerArithmetic.Amount;
import io.kiban.lifecycle.lease.LedgerArithmetic.DelayDays;
import io.kiban.lifecycle.lease.LedgerArithmetic.Terms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #19: the ledger arithmetic on plain values, without Quarkus or a database. Every expected figure
 * is worked out by hand (in the comment beside it).
 */
class LedgerArithmeticTest {

    private static final Map<String, String> NAMES = Map.of("A", "サーバ");

    private static DelayDays days(String start, String end) {
        return new DelayDays(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    @DisplayName(
            "R-LC-14 the payment is floor(amount × paid days ÷ days of the month), never amount − floor(deduction)")
    void R_LC_14_the_payment_is_rounded_down_not_the_deduction() {
        // 100,000 × 21 ÷ 31 = 67,741.93… → 67,741 (amount − floor(100,000 × 10 ÷ 31) = 100,000 −
        // 32,258 would be 67,742: one yen too much)
        assertThat(LedgerArithmetic.payment(100_000, 21, 31)).isEqualTo(67_741);
        // 999 × 14 ÷ 28 = 499.5 → 499
        assertThat(LedgerArithmetic.payment(999, 14, 28)).isEqualTo(499);
        // 100,000 × 19 ÷ 29 (February 2028) = 65,517.24… → 65,517
        assertThat(LedgerArithmetic.payment(100_000, 19, 29)).isEqualTo(65_517);
        assertThat(LedgerArithmetic.payment(1_000, 31, 31)).isEqualTo(1_000);
        assertThat(LedgerArithmetic.payment(1_000, 0, 31)).isZero();
    }

    @Test
    @DisplayName(
            "R-LC-14 vendor delay days: overlapping delays count each day once, only the days inside the month")
    void R_LC_14_vendor_delay_days_count_each_day_of_the_month_once() {
        YearMonth july = YearMonth.of(2027, 7);
        // 1–10 July and 5–15 July overlap: days 1…15 = 15; 20 July adds one = 16
        assertThat(
                        LedgerArithmetic.vendorDelayDays(
                                july,
                                List.of(
                                        days("2027-04-01", "2027-07-10"),
                                        days("2027-07-05", "2027-07-15"),
                                        days("2027-07-20", "2027-07-20"))))
                .isEqualTo(16);
        // a delay ending on 30 June touches no day of July
        assertThat(
                        LedgerArithmetic.vendorDelayDays(
                                july, List.of(days("2027-04-01", "2027-06-30"))))
                .isZero();
        // 25 July – 5 August: 25…31 July = 7 days, 1…5 August = 5 days
        List<DelayDays> across = List.of(days("2027-07-25", "2027-08-05"));
        assertThat(LedgerArithmetic.vendorDelayDays(july, across)).isEqualTo(7);
        assertThat(LedgerArithmetic.vendorDelayDays(YearMonth.of(2027, 8), across)).isEqualTo(5);
        // February 2028 has 29 days: a delay over the whole month counts 29
        assertThat(
                        LedgerArithmetic.vendorDelayDays(
                                YearMonth.of(2028, 2), List.of(days("2028-01-15", "2028-03-02"))))
                .isEqualTo(29);
    }

    @Test
    @DisplayName(
            "R-LC-14 one month, 10 vendor days of 31: each line pays by its own rounding, the deduction is the rest")
    void R_LC_14_a_month_pays_each_line_rounded_down_and_deducts_the_rest() {
        Month m =
                LedgerArithmetic.month(
                        YearMonth.of(2027, 7),
                        "CONTRACT",
                        List.of(new Amount("B", 310_000, 31_000), new Amount("A", 100_000, 10_000)),
                        NAMES,
                        List.of(days("2027-04-01", "2027-07-10")));
        assertThat(m.month()).isEqualTo("2027-07");
        assertThat(m.firstDay()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(m.firstDayReiwa()).isEqualTo("令和9年7月1日");
        assertThat(m.calendarDays()).isEqualTo(31);
        assertThat(m.vendorDelayDays()).isEqualTo(10);
        assertThat(m.paidDays()).isEqualTo(21);
        assertThat(m.terms()).isEqualTo("CONTRACT");
        assertThat(m.closed()).isFalse();
        // lines in category order; a category without a name shows its code
        assertThat(m.lines())
                .containsExactly(
                        // 100,000 × 21 ÷ 31 = 67,741.9 → 67,741; 10,000 × 21 ÷ 31 = 6,774.2 → 6,774
                        new Line("A", "サーバ", 100_000, 10_000, 32_259, 3_226, 67_741, 6_774),
                        // 310,000 × 21 ÷ 31 = 210,000; 31,000 × 21 ÷ 31 = 21,000
                        new Line("B", "B", 310_000, 31_000, 100_000, 10_000, 210_000, 21_000));
        // gross 110,000 + 341,000 = 451,000; net 67,741 + 6,774 + 210,000 + 21,000 = 305,515
        assertThat(m.gross()).isEqualTo(451_000);
        assertThat(m.net()).isEqualTo(305_515);
        assertThat(m.deduction()).isEqualTo(145_485);
    }

    @Test
    @DisplayName("R-LC-7 the contract's lease July 2027 – December 2030 is 42 monthly periods")
    void R_LC_7_the_lease_is_42_monthly_periods() {
        Ledger ledger =
                LedgerArithmetic.ledger(
                        List.of(
                                new Terms(
                                        "CONTRACT",
                                        YearMonth.of(2027, 7),
                                        YearMonth.of(2030, 12),
                                        List.of(new Amount("A", 100_000, 10_000)))),
                        NAMES,
                        List.of(),
                        Map.of());
        assertThat(ledger.months()).hasSize(42);
        assertThat(ledger.months().get(0).month()).isEqualTo("2027-07");
        assertThat(ledger.months().get(41).month()).isEqualTo("2030-12");
        assertThat(ledger.rule()).startsWith("R-LC-14");
        // 42 × 100,000 = 4,200,000 lease; 42 × 10,000 = 420,000 maintenance
        assertThat(ledger.totals())
                .isEqualTo(new LeaseDtos.Totals(42, 4_200_000, 420_000, 4_620_000, 0, 4_620_000));
    }

    @Test
    @DisplayName(
            "R-LC-9 R-LC-14 an extension's months follow the contract's on their own terms; a closed month keeps its stored figures")
    void R_LC_9_R_LC_14_extension_months_and_a_closed_month_in_the_totals() {
        Month storedAugust =
                new Month(
                        "2027-08",
                        LocalDate.of(2027, 8, 1),
                        "令和9年8月1日",
                        31,
                        0,
                        31,
                        "CONTRACT",
                        List.of(new Line("A", "サーバ", 100_000, 10_000, 5_000, 500, 95_000, 9_500)),
                        110_000,
                        5_500,
                        104_500,
                        true,
                        "jpo-admin",
                        Instant.parse("2027-09-01T00:00:00Z"));
        Ledger ledger =
                LedgerArithmetic.ledger(
                        List.of(
                                new Terms(
                                        "CONTRACT",
                                        YearMonth.of(2027, 7),
                                        YearMonth.of(2027, 9),
                                        List.of(new Amount("A", 100_000, 10_000))),
                                new Terms(
                                        "EXTENSION-5",
                                        YearMonth.of(2027, 10),
                                        YearMonth.of(2027, 10),
                                        List.of(new Amount("A", 50_000, 5_000)))),
                        NAMES,
                        // a vendor delay over all of August: the closed month's figures stand
                        List.of(days("2027-08-01", "2027-08-31")),
                        Map.of("2027-08", storedAugust));
        assertThat(ledger.months())
                .extracting(Month::month)
                .containsExactly("2027-07", "2027-08", "2027-09", "2027-10");
        assertThat(ledger.months())
                .extracting(Month::terms)
                .containsExactly("CONTRACT", "CONTRACT", "CONTRACT", "EXTENSION-5");
        assertThat(ledger.months().get(1)).isSameAs(storedAugust);
        assertThat(ledger.months().get(3).net()).isEqualTo(55_000);
        // lease 100,000 × 3 + 50,000 = 350,000; maintenance 10,000 × 3 + 5,000 = 35,000;
        // deduction only the stored 5,500; net 110,000 + 104,500 + 110,000 + 55,000 = 379,500
        assertThat(ledger.totals())
                .isEqualTo(new LeaseDtos.Totals(4, 350_000, 35_000, 385_000, 5_500, 379_500));
    }
}
