package io.kiban.backup.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "kiban.backup")
public interface BackupConfig {

    /** How often drivers poll a backup in progress. */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * A RUNNING run whose heartbeat is older than this belongs to a dead instance and becomes
     * FAILED.
     */
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

    /**
     * Policies of one schedule's fire time recorded side by side (each takes a database
     * connection).
     */
    @WithDefault("8")
    int fireParallelism();

    /**
     * Runs driven at once on one instance; beyond it the scheduler's own threads drive them
     * (back-pressure).
     */
    @WithDefault("200")
    int maxParallelRuns();

    /**
     * How often tickets acknowledged on the arrays are looked for (read by
     * PreMaintenanceBackups' @Scheduled).
     */
    @WithDefault("30s")
    String preMaintenanceEvery();

    /** At most this many fire times per policy are examined in one reconciler pass. */
    @WithDefault("5000")
    int reconcileLimit();

    /**
     * SEC (issue 15 item 3): a schedule may not fire more often than this (422 otherwise). The e2e
     * profile lowers it for its drills.
     */
    @WithDefault("15m")
    Duration minScheduleInterval();

    Hold hold();

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

    interface Hold {
        /**
         * SEC (issue 15 item 4): a maintenance ticket holds an array's backups for at most this
         * long after JPO acknowledged it; past it the backups run and {@code
         * kiban_backup_hold_overrun_total} counts it.
         */
        @WithDefault("24h")
        Duration max();
    }

    interface Velero {
        @WithDefault("velero")
        String namespace();

        @WithDefault("default")
        String storageLocation();

        /**
         * The storage locations a policy may name (422 otherwise); the default location is always
         * allowed.
         */
        Optional<List<String>> storageLocations();

        /**
         * SEC (issue 15 item 2): the namespaces a velero target may name, as globs ({@code *} any
         * characters). None by default: the operators list the application namespaces.
         */
        Optional<List<String>> allowedNamespaces();

        /**
         * Namespaces never backed up by a policy even when an allowed glob matches (their Secrets
         * stay put).
         */
        @WithDefault("kube-*,velero,velero-*,kiban-*,kiban,default")
        List<String> deniedNamespaces();
    }

    interface Exec {
        /** Characters of a program's output kept in the ledger. */
        @WithDefault("2000")
        int maxOutput();

        /**
         * SEC (issue 15 item 5): the only environment variables a program inherits (by name);
         * everything else — database password, OIDC secret, HMAC key, service-account token path —
         * is withheld. {@code PATH}, {@code LANG}, {@code TZ} by default.
         */
        @WithDefault("PATH,LANG,TZ")
        List<String> environment();

        /**
         * What a value substituted from a target into an argument must match (422 at save, FAILED
         * at run).
         */
        @WithDefault("[A-Za-z0-9][A-Za-z0-9._:=@-]{0,252}")
        String argumentPattern();

        /**
         * Absolute paths of the programs a policy may run. Policies are written by vendor users, so
         * the exec driver runs nothing that the operators of this service did not list here (none
         * by default).
         */
        Optional<List<String>> allowedPrograms();
    }

    /**
     * SEC (issue 15 item 1): where the http driver may send requests. Each array has its base URLs
     * and methods; each credential is configured here (never in a policy) with the base URLs it may
     * be sent to. A policy only names a configured credential.
     */
    interface Http {
        /**
         * Credentials that are Kubernetes Secrets must be named with this prefix (RBAC grants only
         * those).
         */
        @WithDefault("kiban-backup-credentials-")
        String secretPrefix();

        /** Credentials that are environment variables must be named with this prefix. */
        @WithDefault("KIBAN_BACKUP_HTTP_")
        String envPrefix();

        /** The Kubernetes array's backup API. */
        Endpoint k8sArray();

        /** The virtualization array's backup API. */
        Endpoint virtArray();

        /** Credentials by the name a policy gives ({@code driverSettings.credentials}). */
        Map<String, Credential> credentials();
    }

    interface Endpoint {
        /**
         * URL prefixes (scheme, host, port and path prefix) requests for this array's targets may
         * go to. None by default.
         */
        Optional<List<String>> baseUrls();

        /** HTTP methods allowed towards this array. */
        @WithDefault("GET,POST")
        List<String> methods();
    }

    interface Credential {
        /**
         * {@code secret} (a Kubernetes Secret of this namespace) or {@code env} (an environment
         * variable).
         */
        @WithDefault("secret")
        String source();

        /** The Secret's or the variable's name. */
        String name();

        /** The key inside the Secret. */
        @WithDefault("token")
        String key();

        /** {@code Bearer} or {@code Basic}. */
        @WithDefault("Bearer")
        String scheme();

        /** The URL prefixes this credential may be sent to (and nowhere else). */
        List<String> baseUrls();
    }
}
