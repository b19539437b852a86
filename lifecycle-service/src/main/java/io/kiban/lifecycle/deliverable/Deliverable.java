package io.kiban.lifecycle.deliverable;

import io.kiban.commons.problem.ProblemException;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceLine;
import io.kiban.lifecycle.support.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A tracked deliverable or report (R-LC-5, 6, 10, 11, 12, 13). */
@Entity
@Table(name = "deliverable")
public class Deliverable {

    /**
     * The kinds of deliverables and reports. Each kind holds its own rules (#19): where its due
     * dates come from (set by hand, generated from the contract dates, or following the online
     * service start), when it is overdue, and what approving it requires; {@link
     * DeliverableService} and {@link DeliverableSchedule} ask the kind instead of branching on it.
     */
    public enum Kind {
        /** R-LC-5: due the day before the online service starts, and moves with it. */
        ENVIRONMENT_DEFINITION("R-LC-5", Due.beforeServiceStart(Period.ofDays(1))),
        /** R-LC-6: due two weeks before the online service starts, and moves with it. */
        OPERATIONS_MANUAL("R-LC-6", Due.beforeServiceStart(Period.ofWeeks(2))),
        /** R-LC-10: promptly after signing; its due date is set by hand. */
        INSTALLATION_PLAN("R-LC-10", Due.BY_HAND),
        /** R-LC-11: every two weeks from signing through the production start (generated). */
        PROGRESS_REPORT(
                "R-LC-11", Due.places(Kind::everyTwoWeeksOfTheBuild, n -> "進捗報告（第" + n + "回）")),
        /**
         * R-LC-12, 別紙2: every six months of the contract (generated); overdue when none was
         * approved for a year; approved only after the security confirmation (確認書類) and with a
         * complete set of 別紙2 statuses.
         */
        SECURITY_COMPLIANCE(
                "R-LC-12",
                Due.places(
                        Kind::everyHalfYearOfTheContract, n -> "情報セキュリティ対策の実施状況報告（別紙2）第" + n + "回"),
                Overdue.NONE_APPROVED_FOR_A_YEAR,
                Kind::securityConfirmation,
                "the security compliance reports follow the security confirmation "
                        + "document (確認書類, security item 1)), which JPO has not approved yet",
                true),
        /** R-LC-13: promptly after signing; its due date is set by hand. */
        COST_BREAKDOWN("R-LC-13", Due.BY_HAND),
        /**
         * Security item 1): the confirmation document (確認書類), promptly after signing, before the
         * 別紙2 reports.
         */
        SECURITY_CONFIRMATION(
                "R-LC-12",
                Due.places(Kind::twoWeeksAfterSigning, n -> "情報セキュリティ対策の確認書類（セキュリティ要件1)）"));

        public final String rule;

        private final Due due;
        private final Overdue overdue;
        private final Supplier<Kind> approvedAfter;
        private final String approvedAfterReason;
        private final boolean complianceStatuses;

        Kind(String rule, Due due) {
            this(rule, due, Overdue.AFTER_DUE_DATE, () -> null, null, false);
        }

        Kind(
                String rule,
                Due due,
                Overdue overdue,
                Supplier<Kind> approvedAfter,
                String approvedAfterReason,
                boolean complianceStatuses) {
            this.rule = rule;
            this.due = due;
            this.overdue = overdue;
            this.approvedAfter = approvedAfter;
            this.approvedAfterReason = approvedAfterReason;
            this.complianceStatuses = complianceStatuses;
        }

        /**
         * R-LC-11, R-LC-12: the due dates of this kind's places 1, 2, … in the schedule generated
         * from the contract dates; empty when the schedule does not generate this kind.
         */
        Optional<List<LocalDate>> scheduledPlaces(Contract c) {
            return Optional.ofNullable(due.places).map(places -> places.apply(c));
        }

        /** The title of place {@code n} of this kind in the generated schedule. */
        String scheduledTitle(int n) {
            return due.title.apply(n);
        }

        /**
         * R-LC-5, R-LC-6: the due date of this kind relative to the online service start (its
         * deliverables tracked by hand move to it when the start is amended, unless approved);
         * empty when this kind does not follow the service start.
         */
        Optional<LocalDate> dueFromServiceStart(Contract c) {
            return Optional.ofNullable(due.beforeServiceStart)
                    .map(before -> c.productionStart.minus(before));
        }

        /**
         * Why a deliverable of this kind, not approved, is overdue on {@code today} (the reason
         * names the rule), or empty. {@code lastApproved}: the day the last deliverable of this
         * kind was approved, if ever.
         */
        Optional<String> overdueReason(
                LocalDate dueDate, LocalDate today, Optional<LocalDate> lastApproved, Contract c) {
            return overdue.reason(this, dueDate, today, lastApproved, c);
        }

        /** R-LC-12: the kind JPO approves before any deliverable of this kind, if any. */
        Optional<Kind> approvedAfter() {
            return Optional.ofNullable(approvedAfter.get());
        }

        /** R-LC-12: a deliverable of this kind carries the 別紙2 statuses (PUT …/compliance). */
        boolean takesComplianceStatuses() {
            return complianceStatuses;
        }

        /**
         * What approving a submitted deliverable of this kind requires (R-LC-12): the kind it
         * follows approved ({@code approved} answers whether any deliverable of a kind is
         * approved), and a complete set of 別紙2 statuses when it takes them; 422 naming the rule
         * otherwise.
         */
        void requireApprovable(Predicate<Kind> approved, Supplier<List<ComplianceLine>> statuses) {
            Optional<Kind> first = approvedAfter();
            if (first.isPresent() && !approved.test(first.get())) {
                throw ProblemException.rule(rule, approvedAfterReason);
            }
            if (complianceStatuses) {
                List<ComplianceLine> lines = statuses.get();
                if (lines.isEmpty()) {
                    throw ProblemException.rule(
                            rule,
                            "the security compliance report has no statuses (PUT …/compliance)");
                }
                ComplianceItems.validate(lines);
            }
        }

        /** R-LC-11: every two weeks from signing through the production start. */
        private static List<LocalDate> everyTwoWeeksOfTheBuild(Contract c) {
            List<LocalDate> due = new ArrayList<>();
            for (LocalDate d = c.signingDate.plusWeeks(2);
                    !d.isAfter(c.productionStart);
                    d = d.plusWeeks(2)) {
                due.add(d);
            }
            return due;
        }

        /**
         * R-LC-12: every six months of the contract period, counted from signing (signing + 6, +
         * 12, … months, each from the signing date so no drift), through the contract end; when the
         * last half-year falls short of the contract end, a last report is due on the contract end
         * itself, so the removal half-year is reported and no two reports are more than a year
         * apart.
         */
        private static List<LocalDate> everyHalfYearOfTheContract(Contract c) {
            List<LocalDate> due = new ArrayList<>();
            for (int n = 1; !c.signingDate.plusMonths(6L * n).isAfter(c.contractEnd); n++) {
                due.add(c.signingDate.plusMonths(6L * n));
            }
            if (due.isEmpty() || due.get(due.size() - 1).isBefore(c.contractEnd)) {
                due.add(c.contractEnd);
            }
            return due;
        }

        /**
         * R-LC-12, security item 1): the confirmation document (確認書類), promptly (two weeks) after
         * signing.
         */
        private static List<LocalDate> twoWeeksAfterSigning(Contract c) {
            return List.of(c.signingDate.plusWeeks(2));
        }

        /** R-LC-12: the 別紙2 reports follow the security confirmation (a later constant). */
        private static Kind securityConfirmation() {
            return SECURITY_CONFIRMATION;
        }

        /**
         * Where a kind's due dates come from: set by hand, numbered places generated from the
         * contract dates (with their titles), or a period before the online service start.
         */
        private static final class Due {

            static final Due BY_HAND = new Due(null, null, null);

            final Function<Contract, List<LocalDate>> places;
            final IntFunction<String> title;
            final Period beforeServiceStart;

            private Due(
                    Function<Contract, List<LocalDate>> places,
                    IntFunction<String> title,
                    Period beforeServiceStart) {
                this.places = places;
                this.title = title;
                this.beforeServiceStart = beforeServiceStart;
            }

            static Due places(
                    Function<Contract, List<LocalDate>> places, IntFunction<String> title) {
                return new Due(places, title, null);
            }

            static Due beforeServiceStart(Period before) {
                return new Due(null, null, before);
            }
        }

        /** When a deliverable of a kind, not approved, is overdue. */
        private enum Overdue {
            /** Past its due date (R-LC-5, 6, 10, 11, 13 and the 確認書類). */
            AFTER_DUE_DATE {
                @Override
                Optional<String> reason(
                        Kind kind,
                        LocalDate dueDate,
                        LocalDate today,
                        Optional<LocalDate> lastApproved,
                        Contract c) {
                    return dueDate.isBefore(today)
                            ? Optional.of(kind.rule + ": due " + dueDate + " and not approved")
                            : Optional.empty();
                }
            },
            /**
             * R-LC-12 "at least once a year": due, and no report of the kind approved in the last
             * 12 months (counted from signing while none was ever approved).
             */
            NONE_APPROVED_FOR_A_YEAR {
                @Override
                Optional<String> reason(
                        Kind kind,
                        LocalDate dueDate,
                        LocalDate today,
                        Optional<LocalDate> lastApproved,
                        Contract c) {
                    LocalDate since = lastApproved.orElse(c.signingDate);
                    return !dueDate.isAfter(today) && since.plusMonths(12).isBefore(today)
                            ? Optional.of(
                                    kind.rule
                                            + ": no security compliance report approved since "
                                            + since
                                            + " (at least once a year)")
                            : Optional.empty();
                }
            };

            abstract Optional<String> reason(
                    Kind kind,
                    LocalDate dueDate,
                    LocalDate today,
                    Optional<LocalDate> lastApproved,
                    Contract c);
        }
    }

    public enum Status {
        PENDING,
        SUBMITTED,
        APPROVED,
        RETURNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    public Environment environment;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** Token identity (issuer#subject) of the submitter: never the reviewer (R-SEC-2). */
    @Column(name = "submitted_by_id")
    public String submittedById;

    @Column(name = "reviewed_by_id")
    public String reviewedById;

    /** Who last recorded the 別紙2 statuses (R-LC-12): never the reviewer (R-SEC-2). */
    @Column(name = "compliance_by")
    public String complianceBy;

    @Column(name = "compliance_by_id")
    public String complianceById;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "return_reason")
    public String returnReason;

    /**
     * Its place (1, 2, …) in the schedule generated from the contract dates; null when tracked by
     * hand.
     */
    @Column(name = "schedule_seq")
    public Integer scheduleSeq;

    @Version public long version;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
