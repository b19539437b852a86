package io.kiban.asset.hardware;

import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HardwareDtos {

    private HardwareDtos() {}

    /**
     * A hardware item as registered or updated. {@code status}/{@code deliveredOn} are only read on
     * create (later changes go through {@code POST /hardware/{id}/status}).
     */
    @Schema(
            example =
                    "{\"name\": \"PRIMERGY RX2540 M7\", \"modelNumber\": \"PYR2547R\", \"manufacturer\": \"Fujitsu\", \"hardwareClass\": \"SERVER\", \"contractForm\": \"賃貸借\", \"maintenanceDeadline\": \"2031-03-31\", \"serialNumber\": \"MAJ2540A0017\", \"environment\": \"STAGING\", \"rack\": \"R01\", \"rackPosition\": \"U10\", \"status\": \"ORDERED\", \"condition\": \"NEW\"}")
    public record HardwareInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String modelNumber,
            @Size(max = 100) String manufacturer,
            @NotNull HardwareClass hardwareClass,
            @Size(max = 64) String contractForm,
            LocalDate maintenanceDeadline,
            @NotBlank @Size(max = 100) String serialNumber,
            @NotNull Environment environment,
            @Size(max = 64) String rack,
            @Size(max = 32) String rackPosition,
            HardwareStatus status,
            LocalDate deliveredOn,
            @NotNull Condition condition,
            @Size(max = 32) String baselineItem,
            Boolean discontinued,
            Long substituteForId) {}

    @Schema(
            example =
                    "{\"status\": \"DELIVERED\", \"deliveredOn\": \"2026-11-16\", \"note\": \"検証環境サーバ室へ搬入、外観検査済み\"}")
    public record StatusChange(
            @NotNull HardwareStatus status, LocalDate deliveredOn, @Size(max = 500) String note) {}

    public record HardwareView(
            Long id,
            String name,
            String modelNumber,
            String manufacturer,
            HardwareClass hardwareClass,
            String contractForm,
            LocalDate maintenanceDeadline,
            String serialNumber,
            Environment environment,
            String rack,
            String rackPosition,
            HardwareStatus status,
            LocalDate deliveredOn,
            Condition condition,
            String baselineItem,
            boolean discontinued,
            Long substituteForId,
            List<HardwareStatus> allowedTransitions,
            long version) {

        public static HardwareView of(Hardware h) {
            return new HardwareView(
                    h.id,
                    h.name,
                    h.modelNumber,
                    h.manufacturer,
                    h.hardwareClass,
                    h.contractForm,
                    h.maintenanceDeadline,
                    h.serialNumber,
                    h.environment,
                    h.rack,
                    h.rackPosition,
                    h.status,
                    h.deliveredOn,
                    h.condition,
                    h.baselineItem,
                    h.discontinued,
                    h.substituteForId,
                    h.status.next().stream().sorted().toList(),
                    h.version);
        }
    }

    /** R-AS-6: an item whose maintenance deadline (保守期限) does not cover the lease. */
    /**
     * R-AS-6; {@code contractAsOf}/{@code contractStale}: the copy of lifecycle's contract the
     * lease end is from.
     */
    public record MaintenanceRisk(
            Long id,
            String name,
            String serialNumber,
            Environment environment,
            LocalDate maintenanceDeadline,
            LocalDate leaseEnd,
            Long daysShort,
            String reason,
            java.time.Instant contractAsOf,
            boolean contractStale) {}
}
