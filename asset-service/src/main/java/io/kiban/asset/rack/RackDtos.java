package io.kiban.asset.rack;

import io.kiban.asset.support.LedgerView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class RackDtos {

    private RackDtos() {}

    @Schema(example = "{\"name\": \"R01\", \"heightUnits\": 42, \"note\": \"検証環境用、分電盤 A 系統\"}")
    public record RackInput(
            @NotBlank @Size(max = 64) String name,
            @NotNull @Min(1) @Max(60) Integer heightUnits,
            @Size(max = 500) String note) {}

    public record RackView(
            Long id, Long facilityId, String name, int heightUnits, String note, long version)
            implements LedgerView {

        public static RackView of(Rack r) {
            return new RackView(r.id, r.facilityId, r.name, r.heightUnits, r.note, r.version);
        }
    }

    /**
     * Mount a hardware item from {@code bottomUnit} upwards over {@code heightUnits} units (default
     * 1).
     */
    @Schema(example = "{\"hardwareId\": 1, \"bottomUnit\": 10, \"heightUnits\": 2}")
    public record PositionInput(
            @NotNull Long hardwareId,
            @NotNull @Min(1) @Max(60) Integer bottomUnit,
            @Min(1) @Max(60) Integer heightUnits) {}

    /** {@code units} is shown as on the sheet: U10 or U10-U11. */
    public record PositionView(
            Long id,
            Long rackId,
            String rackName,
            Long hardwareId,
            String serialNumber,
            int bottomUnit,
            int topUnit,
            String units,
            long version)
            implements LedgerView {}
}
