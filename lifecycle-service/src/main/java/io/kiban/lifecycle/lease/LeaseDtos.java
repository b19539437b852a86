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

    private LeaseDtos() {
    }

    public record DelayInput(@NotNull ProductionDelay.Cause cause, @NotNull LocalDate startDate,
            @NotNull LocalDate endDate, @Size(max = 2000) String note) {
    }

    public record DelayView(Long id, ProductionDelay.Cause cause, LocalDate startDate, LocalDate endDate,
            String startDateReiwa, String endDateReiwa, long days, String note, String recordedBy,
            Instant recordedAt, long version) {
    }

    public record ExtensionAmountInput(@NotBlank @Size(max = 64) String categoryCode,
            @NotNull @PositiveOrZero Long leaseMonthly, @NotNull @PositiveOrZero Long maintenanceMonthly) {
    }

    public record ExtensionInput(
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "expected yyyy-MM") String firstMonth,
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "expected yyyy-MM") String lastMonth,
            @NotNull LocalDate agreedOn,
            @NotBlank @Size(max = 500) String reference,
            @NotEmpty List<@Valid @NotNull ExtensionAmountInput> amounts) {
    }

    public record ExtensionView(Long id, String firstMonth, String lastMonth, LocalDate agreedOn, String reference,
            List<ExtensionAmountInput> amounts, String recordedBy, Instant recordedAt) {
    }

    /** One expense category in one month: amounts due, deduction for vendor-caused delay days, net. */
    public record Line(String categoryCode, String categoryName, long lease, long maintenance, long leaseDeduction,
            long maintenanceDeduction, long leaseNet, long maintenanceNet) {
    }

    public record Month(String month, LocalDate firstDay, String firstDayReiwa, int calendarDays,
            int vendorDelayDays, String terms, List<Line> lines, long gross, long deduction, long net) {
    }

    public record Totals(int months, long leaseGross, long maintenanceGross, long gross, long deduction, long net) {
    }

    public record Ledger(String rule, List<Month> months, Totals totals) {
    }
}
