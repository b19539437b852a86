package io.kiban.asset.kpi;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

public final class KpiDtos {

    private KpiDtos() {
    }

    public record KpiInput(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String kpiClass,
            @Digits(integer = 16, fraction = 4) BigDecimal plannedValue, @Size(max = 32) String unit) {
    }

    public record KpiView(Long id, String name, String kpiClass, BigDecimal plannedValue, String unit, long version)
            implements io.kiban.asset.support.LedgerView {
    }

    public record MeasurementInput(@NotNull Instant measuredAt,
            @NotNull @Digits(integer = 16, fraction = 4) BigDecimal value, @Size(max = 500) String note) {
    }

    public record MeasurementView(Long id, Long kpiId, Instant measuredAt, BigDecimal value, String note,
            String recordedBy) {
    }
}
