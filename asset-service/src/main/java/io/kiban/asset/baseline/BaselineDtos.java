package io.kiban.asset.baseline;

import io.kiban.asset.hardware.HardwareClass;
import io.kiban.asset.support.Environment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class BaselineDtos {

    private BaselineDtos() {}

    @Schema(
            example =
                    "{\"itemCode\": \"STG-SV-01\", \"hardwareClass\": \"SERVER\", \"name\": \"GPU server\", \"nameJa\": \"GPUサーバ\", \"environment\": \"STAGING\", \"requiredQuantity\": 2}")
    public record BaselineInput(
            @NotBlank
                    @Size(max = 32)
                    @Pattern(
                            regexp = "[A-Z0-9][A-Z0-9-]*",
                            message = "upper-case letters, digits and -")
                    String itemCode,
            @NotNull HardwareClass hardwareClass,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String nameJa,
            @NotNull Environment environment,
            @NotNull @PositiveOrZero @Max(1000) Integer requiredQuantity) {}

    public record BaselineView(
            Long id,
            String itemCode,
            HardwareClass hardwareClass,
            String name,
            String nameJa,
            Environment environment,
            int requiredQuantity,
            long version) {

        public static BaselineView of(BaselineLine l) {
            return new BaselineView(
                    l.id,
                    l.itemCode,
                    l.hardwareClass,
                    l.name,
                    l.nameJa,
                    l.environment,
                    l.requiredQuantity,
                    l.version);
        }
    }

    /** R-AS-1: one baseline line against what is registered and delivered. */
    public record ConformanceLine(
            String itemCode,
            HardwareClass hardwareClass,
            String name,
            String nameJa,
            Environment environment,
            int required,
            int registered,
            int delivered,
            int missing,
            int surplus,
            int undelivered,
            boolean conforms) {}

    public record Totals(
            int required,
            int registered,
            int delivered,
            int missing,
            int surplus,
            int undelivered) {}

    public record Conformance(
            Environment environment,
            List<ConformanceLine> lines,
            Totals totals,
            List<String> unlistedSerials,
            boolean complete) {}
}
