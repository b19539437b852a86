package io.kiban.lifecycle.contract;

import io.kiban.commons.time.ReiwaDates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

public final class ContractDtos {

    private ContractDtos() {}

    public record AmountInput(
            @NotBlank @Size(max = 64) String categoryCode,
            @NotBlank @Size(max = 200) String categoryName,
            @NotNull @PositiveOrZero Long leaseMonthly,
            @NotNull @PositiveOrZero Long maintenanceMonthly) {}

    public record ContractInput(
            @NotNull LocalDate signingDate,
            @NotNull LocalDate deliveryDeadline,
            @NotNull LocalDate extensionLimit,
            @NotNull LocalDate productionStart,
            @NotNull LocalDate leaseStart,
            @NotNull LocalDate leaseEnd,
            @NotNull LocalDate removalDeadline,
            @NotNull LocalDate contractEnd,
            @NotBlank @Size(max = 128) String vendorOrganisation,
            @NotEmpty List<@Valid @NotNull AmountInput> amounts) {}

    public record AmountView(
            String categoryCode, String categoryName, long leaseMonthly, long maintenanceMonthly) {
        static AmountView of(ContractAmount a) {
            return new AmountView(
                    a.categoryCode, a.categoryName, a.leaseMonthly, a.maintenanceMonthly);
        }
    }

    public record ContractView(
            LocalDate signingDate,
            LocalDate deliveryDeadline,
            LocalDate extensionLimit,
            LocalDate productionStart,
            LocalDate leaseStart,
            LocalDate leaseEnd,
            LocalDate removalDeadline,
            LocalDate contractEnd,
            String vendorOrganisation,
            List<AmountView> amounts,
            long monthlyLeaseTotal,
            long monthlyMaintenanceTotal,
            long version) {

        static ContractView of(Contract c) {
            return new ContractView(
                    c.signingDate,
                    c.deliveryDeadline,
                    c.extensionLimit,
                    c.productionStart,
                    c.leaseStart,
                    c.leaseEnd,
                    c.removalDeadline,
                    c.contractEnd,
                    c.vendorOrganisation,
                    c.amounts.stream().map(AmountView::of).toList(),
                    c.amounts.stream().mapToLong(a -> a.leaseMonthly).sum(),
                    c.amounts.stream().mapToLong(a -> a.maintenanceMonthly).sum(),
                    c.version);
        }
    }

    /**
     * A date with its Reiwa form and, when it falls on a non-business day, the practical due date
     * before it.
     */
    /**
     * {@code computed}: the answer rests on a year without official holidays (after {@code
     * officialThrough}, the last year of the newest Cabinet Office list imported; issue #18): its
     * holidays are computed, not official.
     */
    public record CalendarDate(
            LocalDate date,
            String reiwa,
            boolean businessDay,
            LocalDate practicalDueDate,
            String practicalDueDateReiwa,
            boolean computed,
            int officialThrough) {}

    /**
     * {@code breaches}: for the removal deadline (R-LC-8), each environment removed late or not
     * removed in time.
     */
    /**
     * {@code computed}: the practical due date rests on computed (not official) holidays (issue
     * #18).
     */
    public record Deadline(
            String id,
            String rule,
            String name,
            LocalDate date,
            String dateReiwa,
            LocalDate practicalDueDate,
            String practicalDueDateReiwa,
            boolean computed,
            List<RemovalBreach> breaches) {

        public static Deadline of(
                String id,
                String rule,
                String name,
                LocalDate date,
                LocalDate practical,
                boolean computed) {
            return new Deadline(
                    id,
                    rule,
                    name,
                    date,
                    ReiwaDates.format(date),
                    practical,
                    ReiwaDates.format(practical),
                    computed,
                    List.of());
        }

        public Deadline withBreaches(List<RemovalBreach> list) {
            return new Deadline(
                    id,
                    rule,
                    name,
                    date,
                    dateReiwa,
                    practicalDueDate,
                    practicalDueDateReiwa,
                    computed,
                    List.copyOf(list));
        }
    }

    /**
     * R-LC-8: an environment removed after the removal deadline (REMOVED_LATE, {@code removedOn})
     * or still not removed after it (NOT_REMOVED); {@code daysLate} counted to the removal or to
     * today. {@code lateRemovalReason} is shown, it never waives the breach.
     */
    public record RemovalBreach(
            String rule,
            io.kiban.lifecycle.support.Environment environment,
            LocalDate removalDeadline,
            LocalDate removedOn,
            long daysLate,
            Kind kind,
            String lateRemovalReason) {

        public enum Kind {
            REMOVED_LATE,
            NOT_REMOVED
        }
    }

    /**
     * A proposed amendment: the whole new contract and why (R-SEC-2: approved by a second
     * jpo-admin).
     */
    public record AmendmentInput(
            @NotBlank @Size(max = 2000) String reason, @Valid @NotNull ContractInput contract) {}

    public record AmendmentView(
            Long id,
            long baseVersion,
            ContractInput contract,
            String reason,
            ContractAmendment.Status status,
            String proposedBy,
            java.time.Instant proposedAt,
            String decidedBy,
            java.time.Instant decidedAt,
            long version) {}

    /**
     * {@code computed}: a national holiday of a year without official data (issue #18), kept as
     * computed (V3).
     */
    public record HolidayView(
            LocalDate date,
            String reiwa,
            String name,
            String kind,
            String source,
            boolean computed) {}
}
