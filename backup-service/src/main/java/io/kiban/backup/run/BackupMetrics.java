package io.kiban.backup.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * R-BK-3 for Prometheus: {@code kiban_backup_last_success_timestamp_seconds{target,name}} per
 * target (cluster-wide, refreshed from the ledger) and counters of missed and failed runs.
 */
@ApplicationScoped
public class BackupMetrics {

    private final MeterRegistry registry;
    private final Map<Long, Double> lastSuccess = new ConcurrentHashMap<>();

    public BackupMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void lastSuccess(long targetId, String name, Instant at) {
        if (at == null) {
            return;
        }
        boolean fresh = !lastSuccess.containsKey(targetId);
        lastSuccess.merge(targetId, at.getEpochSecond() + at.getNano() / 1e9, Math::max);
        if (fresh) {
            Gauge.builder(
                            "kiban_backup_last_success_timestamp_seconds",
                            lastSuccess,
                            m -> m.getOrDefault(targetId, Double.NaN))
                    .description("When the target's last successful backup ended (R-BK-3)")
                    .tag("target", String.valueOf(targetId))
                    .tag("name", name)
                    .register(registry);
        }
    }

    /**
     * How late the scheduler handed a cron fire time to this service (Quartz's pick-up and firing,
     * before any ledger work), and how late the run was recorded RUNNING: {@code
     * kiban_backup_fire_lateness_seconds{stage}}.
     */
    public void lateness(String stage, java.time.Duration late) {
        io.micrometer.core.instrument.Timer.builder("kiban_backup_fire_lateness")
                .description(
                        "Time from a cron fire time to the scheduler's pick-up (stage=picked-up) and to the run "
                                + "being recorded RUNNING (stage=started)")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(late.isNegative() ? java.time.Duration.ZERO : late);
    }

    public void missed(long targetId, long count) {
        counter("kiban_backup_runs_missed", "Scheduled backups that never ran (R-BK-3)", targetId)
                .increment(count);
    }

    public void failed(long targetId) {
        counter(
                        "kiban_backup_runs_failed",
                        "Backups that failed, partly failed or were abandoned (R-BK-3)",
                        targetId)
                .increment();
    }

    private Counter counter(String name, String description, long targetId) {
        return Counter.builder(name)
                .description(description)
                .tag("target", String.valueOf(targetId))
                .register(registry);
    }
}
