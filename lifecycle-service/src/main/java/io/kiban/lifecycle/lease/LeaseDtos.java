package io.kiban.lifecycle.lease;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class LeaseDtos {

    private LeaseDtos() {}

    public record DelayInput(
            @NotNull ProductionDelay.Cause cause,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Size(max = 2000) String note) {}

    /**
     * {@code status}: PROPOSED until a second jpo-admin approves it (R-SEC-2); only APPROVED delays
     * count.
     */
    public record DelayView(
            Long id,
            ProductionDelay.Cause cause,
            LocalDate startDate,
            LocalDate endDate,
            String startDateReiwa,
            String endDateReiwa,
            long days,
            String note,
            String recordedBy,
            Instant recordedAt,
            ProductionDelay.Status status,
            String approvedBy,
            Instant approvedAt,
            long version) {}

    public record ExtensionAmountInput(
            @NotBlank @Size(max = 64) String categoryCode,
            @NotNull @PositiveOrZero Long leaseMonthly,
            @NotNull @PositiveOrZero Long maintenanceMonthly) {}

    public record ExtensionInput(
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "expected yyyy-MM")
                    String firstMonth,
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "expected yyyy-MM")
                    String lastMonth,
            @NotNull LocalDate agreedOn,
            @NotBlank @Size(max = 500) String reference,
            @NotEmpty List<@Valid @NotNull ExtensionAmountInput> amounts) {}

    public record ExtensionView(
            Long id,
            String firstMonth,
            String lastMonth,
            LocalDate agreedOn,
            String reference,
            List<ExtensionAmountInput> amounts,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * One expense category in one month: amounts due, what JPO pays (R-LC-14: floor(amount × paid
     * days ÷ days of the month), per line) and the difference as deduction.
     */
    public record Line(
            String categoryCode,
            String categoryName,
            long lease,
            long maintenance,
            long leaseDeduction,
            long maintenanceDeduction,
            long leaseNet,
            long maintenanceNet) {}

    /**
     * {@code closed}: JPO recorded the payment; the figures are the stored ones and never change
     * (R-LC-14).
     */
    public record Month(
            String month,
            LocalDate firstDay,
            String firstDayReiwa,
            int calendarDays,
            int vendorDelayDays,
            int paidDays,
            String terms,
            List<Line> lines,
            long gross,
            long deduction,
            long net,
            boolean closed,
            String closedBy,
            Instant closedAt) {}

    public record Totals(
            int months,
            long leaseGross,
            long maintenanceGross,
            long gross,
            long deduction,
            long net) {}

    public record Ledger(String rule, List<Month> months, Totals totals) {}
}
