package io.kiban.asset.media;

import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class MediaDtos {

    private MediaDtos() {}

    @Schema(
            example =
                    "{\"kind\": \"NVME\", \"serial\": \"S6B0NX0T401233\", \"make\": \"Samsung\", \"model\": \"PM9A3 3.84TB\", \"condition\": \"NEW\", \"installedOn\": \"2026-11-20\"}")
    public record MediumInput(
            @NotNull MediumKind kind,
            @NotBlank @Size(max = 100) String serial,
            @Size(max = 100) String make,
            @Size(max = 100) String model,
            @NotNull Condition condition,
            LocalDate installedOn) {}

    /**
     * A service-role removal (issue 13 hole 2): the medium leaves through a sanitization order of
     * maintenance-service, whose reference is required.
     */
    @Schema(example = "{\"removedOn\": \"2026-12-01\", \"reference\": \"SO-2026-0007\"}")
    public record Removal(
            @NotNull LocalDate removedOn, @NotBlank @Size(max = 200) String reference) {}

    /**
     * jpo-admin declares a ledger medium not data-bearing; the reason is audited and kept in the
     * history.
     */
    @Schema(example = "{\"reason\": \"電源ユニットの制御用 EEPROM であり、利用者データを記録しない（製造元の仕様書 第3.2節で確認）\"}")
    public record NotDataBearing(@NotBlank @Size(max = 2000) String reason) {}

    /**
     * jpo-admin records a part found in the hardware that the ledger never listed (origin
     * UNREGISTERED_PART); its condition and installation date are unknown.
     */
    @Schema(
            example =
                    "{\"serial\": \"BTYH12340ABC\", \"kind\": \"SSD\", \"make\": \"Intel\", \"model\": \"D3-S4520 480GB\", \"reason\": \"保守交換時に起動用 SSD が台帳に未登録であることが判明したため記録する\"}")
    public record UnregisteredPart(
            @NotBlank @Size(max = 100) String serial,
            @NotNull MediumKind kind,
            @Size(max = 100) String make,
            @Size(max = 100) String model,
            @NotBlank @Size(max = 2000) String reason) {}

    /**
     * Maintenance-service's part swap: the old medium leaves (kept with removedOn), the new one
     * comes in.
     */
    @Schema(
            example =
                    "{\"removedSerial\": \"S6B0NX0T401233\", \"installed\": {\"kind\": \"NVME\", \"make\": \"Samsung\", \"model\": \"PM9A3 3.84TB\", \"serial\": \"S6B0NX0T409871\", \"condition\": \"NEW\"}, \"replacedOn\": \"2026-11-30\", \"reference\": \"MT-2026-0031\"}")
    public record Replacement(
            @NotBlank @Size(max = 100) String removedSerial,
            @NotNull @Valid InstalledMedium installed,
            @NotNull LocalDate replacedOn,
            @NotBlank @Size(max = 200) String reference) {}

    public record InstalledMedium(
            @NotNull MediumKind kind,
            @Size(max = 100) String make,
            @Size(max = 100) String model,
            @NotBlank @Size(max = 100) String serial,
            @NotNull Condition condition) {}

    /**
     * One medium. {@code dataBearing} is the ledger's word (true unless jpo-admin declared
     * otherwise); {@code origin} LEDGER or UNREGISTERED_PART; {@code removalVia} REPLACEMENT or
     * SANITIZATION_ORDER; {@code removedWithoutCustodyReference} is true for a medium that left
     * without a replacement or sanitization order reference — a blocker for maintenance's
     * outstanding report and lifecycle's removal gate.
     */
    public record MediumView(
            Long id,
            Long hardwareId,
            String hardwareSerial,
            Environment environment,
            MediumKind kind,
            String serial,
            String make,
            String model,
            Condition condition,
            LocalDate installedOn,
            LocalDate removedOn,
            String removalReference,
            RemovalVia removalVia,
            Long replacedById,
            boolean installed,
            boolean dataBearing,
            String notDataBearingReason,
            MediumOrigin origin,
            String originReason,
            boolean removedWithoutCustodyReference,
            long version) {}

    public record ReplacementView(Long hardwareId, MediumView removed, MediumView installed) {}
}
