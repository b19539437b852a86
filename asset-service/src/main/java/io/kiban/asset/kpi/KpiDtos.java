package io.kiban.asset.kpi;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class KpiDtos {

    private KpiDtos() {}

    @Schema(
            example =
                    "{\"name\": \"GPU 使用率（月平均）\", \"kpiClass\": \"リソース\", \"plannedValue\": 70, \"unit\": \"%\"}")
    public record KpiInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String kpiClass,
            @Digits(integer = 16, fraction = 4) BigDecimal plannedValue,
            @Size(max = 32) String unit) {}

    public record KpiView(
            Long id,
            String name,
            String kpiClass,
            BigDecimal plannedValue,
            String unit,
            long version)
            implements io.kiban.asset.support.LedgerView {}

    @Schema(
            example =
                    "{\"measuredAt\": \"2026-11-30T23:59:00+09:00\", \"value\": 63.5, \"note\": \"11月分、検証環境 GPU サーバ2台の平均\"}")
    public record MeasurementInput(
            @NotNull Instant measuredAt,
            @NotNull @Digits(integer = 16, fraction = 4) BigDecimal value,
            @Size(max = 500) String note) {}

    public record MeasurementView(
            Long id,
            Long kpiId,
            Instant measuredAt,
            BigDecimal value,
            String note,
            String recordedBy) {}
}
