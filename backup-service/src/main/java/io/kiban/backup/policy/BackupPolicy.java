package io.kiban.backup.policy;

import io.kiban.backup.target.BackupTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * When and how a set of targets is backed up (R-BK-1) and how many generations are kept (R-BK-2).
 */
@Entity
@Table(name = "backup_policy")
public class BackupPolicy {

    public enum Level {
        FULL,
        INCREMENTAL,
        SNAPSHOT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** A Quartz cron expression (seconds first). */
    @Column(nullable = false)
    public String cron;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "keep_last", nullable = false)
    public int keepLast;

    @Column(name = "keep_daily", nullable = false)
    public int keepDaily;

    @Column(name = "keep_weekly", nullable = false)
    public int keepWeekly;

    @Column(name = "keep_monthly", nullable = false)
    public int keepMonthly;

    @Column(name = "completion_window_minutes", nullable = false)
    public int completionWindowMinutes;

    /** JSON array of {from, until, reason}. */
    @Column(name = "blackout_windows", nullable = false, columnDefinition = "TEXT")
    public String blackoutWindows;

    @Column(nullable = false)
    public boolean paused;

    @Column(name = "hold_during_maintenance", nullable = false)
    public boolean holdDuringMaintenance;

    @Column(name = "catch_up", nullable = false)
    public boolean catchUp;

    /** Take a backup of each target when a maintenance ticket on its array is acknowledged. */
    @Column(name = "backup_before_maintenance", nullable = false)
    public boolean backupBeforeMaintenance;

    @Column(nullable = false)
    public String driver;

    /** JSON object, validated by the driver. */
    @Column(name = "driver_settings", nullable = false, columnDefinition = "TEXT")
    public String driverSettings;

    /**
     * Fire times before this instant are not expected: the policy's creation, or its last resume.
     */
    @Column(name = "schedule_from", nullable = false)
    public Instant scheduleFrom;

    /** The reconciler has accounted for every fire time up to here. */
    @Column(name = "reconciled_until")
    public Instant reconciledUntil;

    @ManyToMany
    @JoinTable(
            name = "backup_policy_target",
            joinColumns = @JoinColumn(name = "policy_id"),
            inverseJoinColumns = @JoinColumn(name = "target_id"))
    @OrderBy("id")
    public Set<BackupTarget> targets = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version public long version;
}
