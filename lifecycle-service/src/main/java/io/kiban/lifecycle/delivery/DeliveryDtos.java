package io.kiban.lifecycle.delivery;

import io.kiban.lifecycle.support.Environment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class DeliveryDtos {

    private DeliveryDtos() {}

    public record ExtensionInput(
            @NotNull Environment environment,
            @NotBlank @Size(max = 100) String baselineItem,
            @NotNull DeliveryExtension.Cause cause,
            @Size(max = 2000) String explanation,
            @NotNull LocalDate newDate) {}

    public record ExtensionView(
            Long id,
            Environment environment,
            String baselineItem,
            DeliveryExtension.Cause cause,
            String explanation,
            LocalDate newDate,
            String newDateReiwa,
            DeliveryExtension.Status status,
            String proposedBy,
            Instant proposedAt,
            String decidedBy,
            Instant decidedAt,
            long version) {}

    public enum LineStatus {
        ON_TIME,
        LATE,
        EXTENDED_ON_TIME,
        EXTENDED_LATE,
        PENDING,
        EXTENDED_PENDING
    }

    public record Line(
            Environment environment,
            String baselineItem,
            int required,
            int delivered,
            LocalDate deliveredOn,
            LocalDate deadline,
            String deadlineReiwa,
            Long approvedExtensionId,
            LineStatus status) {}

    /**
     * metR_LC_2: every line delivered by the delivery deadline; metWithExtensions: within approved
     * extensions (R-LC-3).
     */
    public record Status(
            LocalDate deliveryDeadline,
            LocalDate extensionLimit,
            boolean metR_LC_2,
            boolean metWithExtensions,
            List<Line> lines) {}
}
