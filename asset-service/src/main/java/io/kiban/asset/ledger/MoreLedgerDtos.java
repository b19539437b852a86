package io.kiban.asset.ledger;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

public final class MoreLedgerDtos {

    private MoreLedgerDtos() {
    }

    public record ExternalServiceInput(@NotBlank @Size(max = 200) String name, @Size(max = 200) String usageForm, LocalDate usedFrom, LocalDate usedUntil) {
    }

    public record ExternalServiceView(Long id, String name, String usageForm, LocalDate usedFrom, LocalDate usedUntil, long version) {
    }

    public record FacilityInput(@NotBlank @Size(max = 200) String name, @Size(max = 100) String form, @Size(max = 300) String address, @Size(max = 200) String durability, @PositiveOrZero Integer rackCount, @Size(max = 1000) String racks, @Size(max = 500) String zones) {
    }

    public record FacilityView(Long id, String name, String form, String address, String durability, Integer rackCount, String racks, String zones, long version) {
    }

    public record SecurityRequirementInput(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 1000) String requirement, @NotNull ComplianceStatus status, @Size(max = 1000) String note) {
    }

    public record SecurityRequirementView(Long id, String code, String requirement, ComplianceStatus status, String note, long version) {
    }

    public record WorkRecordInput(@NotNull WorkKind kind, @NotNull LocalDate recordedOn, @NotBlank @Size(max = 200) String title, @Size(max = 2000) String description, @Size(max = 200) String owner, @Size(max = 32) String state, LocalDate dueOn) {
    }

    public record WorkRecordView(Long id, WorkKind kind, LocalDate recordedOn, String title, String description, String owner, String state, LocalDate dueOn, long version) {
    }

    public record ScheduleItemInput(@NotBlank @Size(max = 200) String task, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal plannedEffort, @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal actualEffort) {
    }

    public record ScheduleItemView(Long id, String task, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, BigDecimal plannedEffort, BigDecimal actualEffort, long version) {
    }
}
