package io.kiban.asset.media;

import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public final class MediaDtos {

    private MediaDtos() {
    }

    public record MediumInput(
            @NotNull MediumKind kind,
            @NotBlank @Size(max = 100) String serial,
            @Size(max = 100) String make,
            @Size(max = 100) String model,
            @NotNull Condition condition,
            LocalDate installedOn) {
    }

    public record Removal(@NotNull LocalDate removedOn, @Size(max = 200) String reference) {
    }

    /** Maintenance-service's part swap: the old medium leaves (kept with removedOn), the new one comes in. */
    public record Replacement(
            @NotBlank @Size(max = 100) String removedSerial,
            @NotNull @Valid InstalledMedium installed,
            @NotNull LocalDate replacedOn,
            @Size(max = 200) String reference) {
    }

    public record InstalledMedium(
            @NotNull MediumKind kind,
            @Size(max = 100) String make,
            @Size(max = 100) String model,
            @NotBlank @Size(max = 100) String serial,
            @NotNull Condition condition) {
    }

    public record MediumView(Long id, Long hardwareId, String hardwareSerial, Environment environment,
            MediumKind kind, String serial, String make, String model, Condition condition, LocalDate installedOn,
            LocalDate removedOn, String removalReference, Long replacedById, boolean installed, long version) {
    }

    public record ReplacementView(Long hardwareId, MediumView removed, MediumView installed) {
    }
}
