package io.kiban.backup.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

public final class PolicyDtos {

    private PolicyDtos() {}

    /**
     * R-BK-2: keep the last N generations, plus the newest of each of the last days/weeks/months
     * (GFS).
     */
    public record Retention(
            @NotNull @Min(1) @Max(10_000) Integer keepLast,
            @Min(0) @Max(10_000) Integer daily,
            @Min(0) @Max(10_000) Integer weekly,
            @Min(0) @Max(10_000) Integer monthly) {}

    /** A period when nothing may start (planned maintenance, for instance). */
    public record BlackoutWindow(
            @NotNull OffsetDateTime from,
            @NotNull OffsetDateTime until,
            @Size(max = 200) String reason) {}

    public record PolicyInput(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String cron,
            @Size(max = 64) String timeZone,
            @NotNull BackupPolicy.Level level,
            @NotNull @Valid Retention retention,
            @Min(1) @Max(10_080) Integer completionWindowMinutes,
            List<@Valid @NotNull BlackoutWindow> blackoutWindows,
            Boolean paused,
            Boolean holdDuringMaintenance,
            Boolean catchUp,
            Boolean backupBeforeMaintenance,
            @NotEmpty @Size(max = 200) List<@NotNull Long> targetIds,
            @NotBlank @Size(max = 32) String driver,
            Map<String, Object> driverSettings) {}

    public record PolicyView(
            Long id,
            String name,
            String cron,
            String timeZone,
            BackupPolicy.Level level,
            Retention retention,
            int completionWindowMinutes,
            List<BlackoutWindow> blackoutWindows,
            boolean paused,
            boolean holdDuringMaintenance,
            boolean catchUp,
            boolean backupBeforeMaintenance,
            List<Long> targetIds,
            String driver,
            Map<String, Object> driverSettings,
            Instant scheduleFrom,
            Instant nextFireTime,
            Instant createdAt,
            Instant updatedAt,
            long version) {}
}
