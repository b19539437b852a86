package io.kiban.backup.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One row of the run ledger: an expected fire time of a policy for one target, and what became of
 * it.
 */
@Entity
@Table(name = "backup_run")
public class BackupRun {

    public enum State {
        SCHEDULED,
        RUNNING,
        SUCCEEDED,
        PARTIALLY_FAILED,
        FAILED,
        MISSED,
        SKIPPED_OVERLAP,
        SKIPPED_BLACKOUT,
        SKIPPED_HOLD,
        PRUNED;

        /** States whose run left a copy on the array. */
        public static final Set<State> HOLDS_COPY = EnumSet.of(SUCCEEDED, PARTIALLY_FAILED);
    }

    public enum Trigger {
        /** a fire time of the policy's cron */
        SCHEDULE,
        /** "run now" */
        MANUAL,
        /**
         * the one run the reconciler starts for a target after missed fire times, when the policy
         * asks
         */
        CATCH_UP,
        /**
         * a maintenance ticket on the target's array was acknowledged (the backup before the work)
         */
        PRE_MAINTENANCE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public Long policyId;

    @Column(name = "target_id", nullable = false)
    public Long targetId;

    @Column(name = "expected_fire_time", nullable = false)
    public Instant expectedFireTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    public Trigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /**
     * Set to target_id while RUNNING only: a unique key, so one running run per target in the
     * cluster.
     */
    @Column(name = "running_target_id")
    public Long runningTargetId;

    @Column(name = "instance_id")
    public String instanceId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public Long bytes;

    @Column(nullable = false)
    public String driver;

    @Column(name = "driver_reference")
    public String driverReference;

    public String error;

    public String note;

    @Column(name = "requested_by")
    public String requestedBy;

    /** The maintenance-service ticket a PRE_MAINTENANCE run was taken for. */
    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "pruned_at")
    public Instant prunedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version public long version;
}
