package io.kiban.lifecycle.deliverable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.deliverable.Deliverable.Kind;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #19: each kind's rules, asked of {@link Deliverable.Kind} alone (no Quarkus, no database). Every
 * expected date and text is worked out by hand from DOMAIN.md and written as a literal.
 */
class DeliverableKindTest {

    /** The contract as planned: signing 2026-06-30, online service 2027-04-01, end 2031-03-31. */
    private static Contract contract(String signing, String productionStart, String end) {
        Contract c = new Contract();
        c.signingDate = LocalDate.parse(signing);
        c.productionStart = LocalDate.parse(productionStart);
        c.contractEnd = LocalDate.parse(end);
        return c;
    }

    private static final Contract PLANNED = contract("2026-06-30", "2027-04-01", "2031-03-31");

    private static final Supplier<List<ComplianceLine>> NO_STATUSES_ASKED =
            () -> {
                throw new AssertionError("this kind takes no 別紙2 statuses");
            };

    private static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    @Test
    @DisplayName("R-LC-5 … R-LC-13 every kind names its rule")
    void R_LC_5_R_LC_6_R_LC_10_R_LC_11_R_LC_12_R_LC_13_every_kind_names_its_rule() {
        assertThat(Kind.ENVIRONMENT_DEFINITION.rule).isEqualTo("R-LC-5");
        assertThat(Kind.OPERATIONS_MANUAL.rule).isEqualTo("R-LC-6");
        assertThat(Kind.INSTALLATION_PLAN.rule).isEqualTo("R-LC-10");
        assertThat(Kind.PROGRESS_REPORT.rule).isEqualTo("R-LC-11");
        assertThat(Kind.SECURITY_COMPLIANCE.rule).isEqualTo("R-LC-12");
        assertThat(Kind.COST_BREAKDOWN.rule).isEqualTo("R-LC-13");
        assertThat(Kind.SECURITY_CONFIRMATION.rule).isEqualTo("R-LC-12");
    }

    @Test
    @DisplayName(
            "R-LC-5 the environment definition is due the day before the online service starts, and follows it")
    void R_LC_5_environment_definition_is_due_the_day_before_the_online_service_start() {
        Kind kind = Kind.ENVIRONMENT_DEFINITION;
        assertThat(kind.dueFromServiceStart(PLANNED)).contains(LocalDate.of(2027, 3, 31));
        assertThat(kind.dueFromServiceStart(contract("2026-06-30", "2027-05-06", "2031-03-31")))
                .contains(LocalDate.of(2027, 5, 5));
        // across a month end: 2027-03-01 → 2027-02-28
        assertThat(kind.dueFromServiceStart(contract("2026-06-30", "2027-03-01", "2031-03-31")))
                .contains(LocalDate.of(2027, 2, 28));
        assertThat(kind.scheduledPlaces(PLANNED)).isEmpty();
    }

    @Test
    @DisplayName(
            "R-LC-6 the operations manual is due two weeks before the online service starts, and follows it")
    void R_LC_6_operations_manual_is_due_two_weeks_before_the_online_service_start() {
        Kind kind = Kind.OPERATIONS_MANUAL;
        assertThat(kind.dueFromServiceStart(PLANNED)).contains(LocalDate.of(2027, 3, 18));
        assertThat(kind.dueFromServiceStart(contract("2026-06-30", "2027-05-06", "2031-03-31")))
                .contains(LocalDate.of(2027, 4, 22));
        assertThat(kind.dueFromServiceStart(contract("2026-06-30", "2027-03-01", "2031-03-31")))
                .contains(LocalDate.of(2027, 2, 15));
        assertThat(kind.scheduledPlaces(PLANNED)).isEmpty();
    }

    @Test
    @DisplayName(
            "R-LC-10 R-LC-13 the installation plan and the cost breakdown are due as set by hand")
    void R_LC_10_R_LC_13_installation_plan_and_cost_breakdown_are_due_as_set_by_hand() {
        for (Kind kind : List.of(Kind.INSTALLATION_PLAN, Kind.COST_BREAKDOWN)) {
            assertThat(kind.scheduledPlaces(PLANNED)).as(kind.name()).isEmpty();
            assertThat(kind.dueFromServiceStart(PLANNED)).as(kind.name()).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "R-LC-11 progress reports every two weeks from signing through the production start (inclusive)")
    void R_LC_11_progress_reports_every_two_weeks_through_the_production_start() {
        Kind kind = Kind.PROGRESS_REPORT;
        // a build phase of eight weeks: the last meeting falls on the production start itself
        assertThat(kind.scheduledPlaces(contract("2026-06-30", "2026-08-25", "2031-03-31")))
                .contains(dates("2026-07-14", "2026-07-28", "2026-08-11", "2026-08-25"));
        // one day shorter: the meeting of 2026-08-25 is after the production start
        assertThat(kind.scheduledPlaces(contract("2026-06-30", "2026-08-24", "2031-03-31")))
                .contains(dates("2026-07-14", "2026-07-28", "2026-08-11"));
        // production starting within two weeks of signing: no place at all
        assertThat(kind.scheduledPlaces(contract("2026-06-30", "2026-07-13", "2031-03-31")))
                .contains(List.of());
        // as planned: 19 meetings, 2026-07-14 … 2027-03-23 (2027-04-06 is after 2027-04-01)
        List<LocalDate> planned = kind.scheduledPlaces(PLANNED).orElseThrow();
        assertThat(planned).hasSize(19);
        assertThat(planned.get(0)).isEqualTo(LocalDate.of(2026, 7, 14));
        assertThat(planned.get(18)).isEqualTo(LocalDate.of(2027, 3, 23));
        assertThat(kind.scheduledTitle(3)).isEqualTo("進捗報告（第3回）");
        assertThat(kind.dueFromServiceStart(PLANNED)).isEmpty();
    }

    @Test
    @DisplayName(
            "R-LC-12 the 別紙2 reports run half-yearly from signing to the contract end, a last one on the end itself")
    void R_LC_12_security_compliance_reports_half_yearly_from_signing_to_the_contract_end() {
        Kind kind = Kind.SECURITY_COMPLIANCE;
        assertThat(kind.scheduledPlaces(PLANNED))
                .contains(
                        dates(
                                "2026-12-30",
                                "2027-06-30",
                                "2027-12-30",
                                "2028-06-30",
                                "2028-12-30",
                                "2029-06-30",
                                "2029-12-30",
                                "2030-06-30",
                                "2030-12-30",
                                "2031-03-31"));
        // the last half-year ends on the contract end: no extra report
        assertThat(kind.scheduledPlaces(contract("2026-09-30", "2027-04-01", "2027-09-30")))
                .contains(dates("2027-03-30", "2027-09-30"));
        // each half-year counted from the signing date, so a month end does not drift
        // (2026-08-31 + 6 months = 2027-02-28, + 12 months = 2027-08-31)
        assertThat(kind.scheduledPlaces(contract("2026-08-31", "2027-04-01", "2027-12-31")))
                .contains(dates("2027-02-28", "2027-08-31", "2027-12-31"));
        // a contract shorter than half a year: one report, on its end
        assertThat(kind.scheduledPlaces(contract("2026-06-30", "2026-08-01", "2026-10-31")))
                .contains(dates("2026-10-31"));
        assertThat(kind.scheduledTitle(10)).isEqualTo("情報セキュリティ対策の実施状況報告（別紙2）第10回");
        assertThat(kind.dueFromServiceStart(PLANNED)).isEmpty();
    }

    @Test
    @DisplayName("R-LC-12 security item 1): one confirmation document, two weeks after signing")
    void R_LC_12_the_security_confirmation_is_due_two_weeks_after_signing() {
        Kind kind = Kind.SECURITY_CONFIRMATION;
        assertThat(kind.scheduledPlaces(PLANNED)).contains(dates("2026-07-14"));
        assertThat(kind.scheduledPlaces(contract("2026-07-31", "2027-03-01", "2031-03-31")))
                .contains(dates("2026-08-14"));
        assertThat(kind.scheduledTitle(1)).isEqualTo("情報セキュリティ対策の確認書類（セキュリティ要件1)）");
        assertThat(kind.dueFromServiceStart(PLANNED)).isEmpty();
    }

    @Test
    @DisplayName(
            "R-LC-5 R-LC-6 R-LC-10 R-LC-11 R-LC-13 and the 確認書類: overdue the day after the due date")
    void R_LC_5_R_LC_6_R_LC_10_R_LC_11_R_LC_13_overdue_the_day_after_the_due_date() {
        LocalDate due = LocalDate.of(2027, 3, 18);
        assertThat(Kind.OPERATIONS_MANUAL.overdueReason(due, due, Optional.empty(), PLANNED))
                .isEmpty();
        assertThat(
                        Kind.OPERATIONS_MANUAL.overdueReason(
                                due, LocalDate.of(2027, 3, 19), Optional.empty(), PLANNED))
                .contains("R-LC-6: due 2027-03-18 and not approved");
        // an approval of another deliverable of the kind does not excuse this one
        assertThat(
                        Kind.ENVIRONMENT_DEFINITION.overdueReason(
                                LocalDate.of(2027, 3, 31),
                                LocalDate.of(2027, 4, 1),
                                Optional.of(LocalDate.of(2027, 3, 30)),
                                PLANNED))
                .contains("R-LC-5: due 2027-03-31 and not approved");
        assertThat(
                        Kind.INSTALLATION_PLAN.overdueReason(
                                LocalDate.of(2026, 7, 14),
                                LocalDate.of(2026, 7, 15),
                                Optional.empty(),
                                PLANNED))
                .contains("R-LC-10: due 2026-07-14 and not approved");
        assertThat(
                        Kind.PROGRESS_REPORT.overdueReason(
                                LocalDate.of(2026, 7, 28),
                                LocalDate.of(2026, 7, 29),
                                Optional.empty(),
                                PLANNED))
                .contains("R-LC-11: due 2026-07-28 and not approved");
        assertThat(
                        Kind.COST_BREAKDOWN.overdueReason(
                                LocalDate.of(2026, 7, 14),
                                LocalDate.of(2026, 7, 15),
                                Optional.empty(),
                                PLANNED))
                .contains("R-LC-13: due 2026-07-14 and not approved");
        assertThat(
                        Kind.SECURITY_CONFIRMATION.overdueReason(
                                LocalDate.of(2026, 7, 14),
                                LocalDate.of(2026, 7, 15),
                                Optional.empty(),
                                PLANNED))
                .contains("R-LC-12: due 2026-07-14 and not approved");
    }

    @Test
    @DisplayName(
            "R-LC-12 a 別紙2 report is overdue only when due and none was approved for 12 months (from signing while none ever was)")
    void R_LC_12_security_reports_are_overdue_when_none_was_approved_for_a_year() {
        Kind kind = Kind.SECURITY_COMPLIANCE;
        LocalDate due = LocalDate.of(2026, 12, 30);
        // past its due date but within a year of signing (2026-06-30 + 12 months = 2027-06-30)
        assertThat(kind.overdueReason(due, LocalDate.of(2027, 3, 1), Optional.empty(), PLANNED))
                .isEmpty();
        assertThat(kind.overdueReason(due, LocalDate.of(2027, 6, 30), Optional.empty(), PLANNED))
                .isEmpty();
        assertThat(kind.overdueReason(due, LocalDate.of(2027, 7, 1), Optional.empty(), PLANNED))
                .contains(
                        "R-LC-12: no security compliance report approved since 2026-06-30 (at"
                                + " least once a year)");
        // one approved on 2027-01-15: the year runs from it (to 2028-01-15)
        Optional<LocalDate> approved = Optional.of(LocalDate.of(2027, 1, 15));
        assertThat(kind.overdueReason(due, LocalDate.of(2028, 1, 15), approved, PLANNED)).isEmpty();
        assertThat(kind.overdueReason(due, LocalDate.of(2028, 1, 16), approved, PLANNED))
                .contains(
                        "R-LC-12: no security compliance report approved since 2027-01-15 (at"
                                + " least once a year)");
        // not due yet: never overdue, however long since the last approval
        assertThat(
                        kind.overdueReason(
                                LocalDate.of(2027, 12, 30),
                                LocalDate.of(2027, 7, 1),
                                Optional.empty(),
                                PLANNED))
                .isEmpty();
        // due today counts as due
        assertThat(
                        kind.overdueReason(
                                LocalDate.of(2027, 7, 1),
                                LocalDate.of(2027, 7, 1),
                                Optional.empty(),
                                PLANNED))
                .isPresent();
    }

    @Test
    @DisplayName(
            "R-LC-12 a 別紙2 report is approved only after the 確認書類, and only with complete statuses")
    void R_LC_12_security_report_approval_needs_the_confirmation_and_complete_statuses() {
        Kind kind = Kind.SECURITY_COMPLIANCE;
        assertThat(kind.approvedAfter()).contains(Kind.SECURITY_CONFIRMATION);
        assertThat(kind.takesComplianceStatuses()).isTrue();

        // the confirmation not approved yet: 422 before the statuses are even looked at
        List<Kind> asked = new ArrayList<>();
        ProblemException first =
                catchThrowableOfType(
                        ProblemException.class,
                        () ->
                                kind.requireApprovable(
                                        k -> {
                                            asked.add(k);
                                            return false;
                                        },
                                        NO_STATUSES_ASKED));
        assertThat(asked).containsExactly(Kind.SECURITY_CONFIRMATION);
        assertThat(first.type()).isEqualTo(ProblemType.RULE_VIOLATION);
        assertThat(first.rule()).isEqualTo("R-LC-12");
        assertThat(first.getMessage()).contains("確認書類");

        // confirmation approved, no statuses recorded
        assertThatThrownBy(() -> kind.requireApprovable(k -> true, List::of))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> {
                            assertThat(e.rule()).isEqualTo("R-LC-12");
                            assertThat(e.getMessage()).contains("no statuses");
                        });

        // an incomplete 別紙2: one item only, 31 missing
        ProblemException incomplete =
                catchThrowableOfType(
                        ProblemException.class,
                        () ->
                                kind.requireApprovable(
                                        k -> true,
                                        () ->
                                                List.of(
                                                        new ComplianceLine(
                                                                "2",
                                                                ComplianceStatus.Value.IMPLEMENTED,
                                                                null))));
        assertThat(incomplete.rule()).isEqualTo("R-LC-12");
        assertThat(incomplete.errors()).hasSize(31);

        // complete: every item once, 15-10 with details
        List<ComplianceLine> complete = new ArrayList<>();
        for (String item : ComplianceItems.ORDER) {
            complete.add(
                    new ComplianceLine(
                            item,
                            ComplianceStatus.Value.IMPLEMENTED,
                            item.equals("15-10") ? "ドメインの管理なし" : null));
        }
        assertThat(complete).hasSize(32);
        kind.requireApprovable(k -> true, () -> complete);
    }

    @Test
    @DisplayName(
            "R-LC-5 R-LC-6 R-LC-10 R-LC-11 R-LC-13 and the 確認書類: approved on their own, without 別紙2 statuses")
    void R_LC_5_R_LC_6_R_LC_10_R_LC_11_R_LC_13_other_kinds_are_approved_on_their_own() {
        for (Kind kind :
                List.of(
                        Kind.ENVIRONMENT_DEFINITION,
                        Kind.OPERATIONS_MANUAL,
                        Kind.INSTALLATION_PLAN,
                        Kind.PROGRESS_REPORT,
                        Kind.COST_BREAKDOWN,
                        Kind.SECURITY_CONFIRMATION)) {
            assertThat(kind.approvedAfter()).as(kind.name()).isEmpty();
            assertThat(kind.takesComplianceStatuses()).as(kind.name()).isFalse();
            kind.requireApprovable(
                    k -> {
                        throw new AssertionError(kind + " follows no other kind");
                    },
                    NO_STATUSES_ASKED);
        }
    }
}
