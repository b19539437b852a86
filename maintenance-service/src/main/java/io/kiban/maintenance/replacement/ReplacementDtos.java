package io.kiban.maintenance.replacement;

import io.kiban.maintenance.support.MediumKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

public final class ReplacementDtos {

    private ReplacementDtos() {}

    public record RemovedPart(
            @NotNull MediumKind kind,
            @NotBlank @Size(max = 255) String make,
            @NotBlank @Size(max = 255) String model,
            @NotBlank @Size(max = 128) String serial) {}

    public record InstalledPart(
            MediumKind kind,
            @NotBlank @Size(max = 255) String make,
            @NotBlank @Size(max = 255) String model,
            @NotBlank @Size(max = 128) String serial,
            @NotNull PartCondition condition) {}

    /**
     * {@code dataBearing} overrides the kind's default: anyone may mark a part data-bearing, only
     * jpo-admin may declare a normally data-bearing kind not to be. {@code holder}/{@code
     * location}: where the removed data-bearing part is now (default: on site).
     */
    public record ReplacementInput(
            @NotNull @Valid RemovedPart removed,
            @NotNull @Valid InstalledPart installed,
            Boolean dataBearing,
            LocalDate replacedOn,
            @Size(max = 255) String holder,
            @Size(max = 255) String location) {}

    /**
     * R-MT-2/R-MT-3: a recorded removed part turns out to bear data; it enters custody like any
     * data-bearing part. {@code holder}/{@code location}: where it is now (default: on site).
     */
    public record DataBearingInput(
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 255) String holder,
            @Size(max = 255) String location) {}

    public record ReplacementView(
            String id,
            Long ticketId,
            String organisation,
            String hardwareId,
            RemovedPart removed,
            InstalledPart installed,
            boolean dataBearing,
            String dataBearingSetBy,
            LocalDate replacedOn,
            String recordedBy,
            Instant recordedAt,
            Long custodyItemId) {

        public static ReplacementView of(PartReplacement r, Long custodyItemId) {
            return new ReplacementView(
                    r.id,
                    r.ticketId,
                    r.organisation,
                    r.hardwareId,
                    new RemovedPart(r.removedKind, r.removedMake, r.removedModel, r.removedSerial),
                    new InstalledPart(
                            r.installedKind,
                            r.installedMake,
                            r.installedModel,
                            r.installedSerial,
                            r.installedCondition),
                    r.dataBearing,
                    r.dataBearingSetBy,
                    r.replacedOn,
                    r.recordedBy,
                    r.recordedAt,
                    custodyItemId);
        }
    }
}
