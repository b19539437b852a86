package io.kiban.backup.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.backup.policy.PolicyDtos.BlackoutWindow;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.policy.PolicyDtos.Retention;
import io.kiban.backup.support.Crons;
import io.kiban.backup.target.BackupTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Entity ↔ view, including the JSON columns (blackout windows, driver settings). */
@ApplicationScoped
public class PolicyMapper {

    private final ObjectMapper json;

    public PolicyMapper(ObjectMapper json) {
        this.json = json;
    }

    public PolicyView view(BackupPolicy p, Instant now) {
        Instant next =
                p.paused
                        ? null
                        : Crons.next(
                                p.cron,
                                p.timeZone,
                                now.isAfter(p.scheduleFrom) ? now : p.scheduleFrom);
        return new PolicyView(
                p.id,
                p.name,
                p.cron,
                p.timeZone,
                p.level,
                new Retention(p.keepLast, p.keepDaily, p.keepWeekly, p.keepMonthly),
                p.completionWindowMinutes,
                blackouts(p),
                p.paused,
                p.holdDuringMaintenance,
                p.catchUp,
                p.backupBeforeMaintenance,
                p.targets.stream().map(t -> t.id).toList(),
                p.driver,
                settings(p),
                p.scheduleFrom,
                next,
                p.createdAt,
                p.updatedAt,
                p.version);
    }

    public List<BlackoutWindow> blackouts(BackupPolicy p) {
        return read(p.blackoutWindows, new TypeReference<List<BlackoutWindow>>() {});
    }

    public Map<String, Object> settings(BackupPolicy p) {
        return read(p.driverSettings, new TypeReference<Map<String, Object>>() {});
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Long> ids(java.util.Collection<BackupTarget> targets) {
        return targets.stream().map(t -> t.id).toList();
    }
}
