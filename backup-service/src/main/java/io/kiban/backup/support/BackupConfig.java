package io.kiban.backup.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "kiban.backup")
public interface BackupConfig {

    /** How often drivers poll a backup in progress. */
    @WithDefault("5s")
    Duration pollInterval();

    /** A RUNNING run whose heartbeat is older than this belongs to a dead instance and becomes FAILED. */
    @WithDefault("3m")
    Duration runLease();

    /** At most one heartbeat write per run in this interval. */
    @WithDefault("30s")
    Duration heartbeatEvery();

    /** A fire time without a ledger row this long after it passed is MISSED. */
    @WithDefault("5m")
    Duration missedGrace();

    /** How often the reconciler runs (read by its @Scheduled). */
    @WithDefault("60s")
    String reconcileEvery();

    /** Policies of one schedule's fire time recorded side by side (each takes a database connection). */
    @WithDefault("8")
    int fireParallelism();

    /** Runs driven at once on one instance; beyond it the scheduler's own threads drive them (back-pressure). */
    @WithDefault("200")
    int maxParallelRuns();

    /** How often tickets acknowledged on the arrays are looked for (read by PreMaintenanceBackups' @Scheduled). */
    @WithDefault("30s")
    String preMaintenanceEvery();

    /** At most this many fire times per policy are examined in one reconciler pass. */
    @WithDefault("5000")
    int reconcileLimit();

    Velero velero();

    Exec exec();

    Http http();

    Evidence evidence();

    interface Evidence {
        /** Where restore drill evidence files are kept, by SHA-256. */
        String dir();

        /** The largest evidence file accepted (413 above). */
        @WithDefault("20M")
        io.quarkus.runtime.configuration.MemorySize maxFileSize();
    }

    interface Velero {
        @WithDefault("velero")
        String namespace();

        @WithDefault("default")
        String storageLocation();
    }

    interface Exec {
        /** Characters of a program's output kept in the ledger. */
        @WithDefault("2000")
        int maxOutput();

        /**
         * Absolute paths of the programs a policy may run. Policies are written by vendor users, so the exec
         * driver runs nothing that the operators of this service did not list here (none by default).
         */
        Optional<List<String>> allowedPrograms();
    }

    interface Http {
        /**
         * Credentials a policy may name: Kubernetes Secrets and environment variables whose names start with
         * these prefixes only, so a policy cannot send the service's own secrets to a URL of its choosing.
         */
        @WithDefault("kiban-backup-credentials-")
        String secretPrefix();

        @WithDefault("KIBAN_BACKUP_HTTP_")
        String envPrefix();
    }
}
