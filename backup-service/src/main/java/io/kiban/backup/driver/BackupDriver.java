package io.kiban.backup.driver;

import io.kiban.commons.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SPI a backup technique implements (velero, csi-snapshot, http, exec). A policy names one
 * driver by {@link #name()}; its settings are checked by {@link #validate} when the policy is
 * saved. Implementations are CDI beans; {@link DriverRegistry} finds them.
 */
public interface BackupDriver {

    String name();

    /**
     * Problems with the policy's settings for this driver, as fields under {@code driverSettings.}.
     */
    List<Problem.FieldError> validate(Map<String, Object> settings);

    /**
     * What these settings may not do with these targets (SEC-BK-1, SEC-BK-2, SEC-BK-5:
     * destinations, namespaces, arguments outside what the operators configured): answered 422 when
     * a policy is saved. Empty when allowed.
     */
    default List<Problem.FieldError> refusals(Map<String, Object> settings, List<Target> targets) {
        return List.of();
    }

    /**
     * Takes one backup and follows it to a terminal state. Calls {@code progress.beat()} while
     * waiting so that the run is not taken for abandoned, and {@code progress.reference(...)} as
     * soon as the copy has a name. Returns FAILED rather than throwing for failures of the backup
     * itself.
     */
    Outcome backup(Request request, Progress progress);

    /** Deletes the copy named {@code reference} (retention, R-BK-2). Throws when it could not. */
    void delete(Target target, String reference, Map<String, Object> settings);

    /**
     * What a driver is told about a target (#19: the driver package sees neither the target entity
     * nor its HTTP view, so target, policy and run depend on driver and never the other way).
     */
    record Target(
            long id,
            ArrayKind array,
            String arrayHardwareId,
            String environment,
            Kind kind,
            String name,
            String pvcSelector) {

        /** The disk array the target lives on (the same constants as the target's). */
        public enum ArrayKind {
            K8S_ARRAY,
            VIRT_ARRAY
        }

        /** What the target is (the same constants as the target's). */
        public enum Kind {
            NAMESPACE,
            VM,
            VOLUME,
            DATABASE
        }
    }

    /** The level of backup a policy plans (the same constants as the policy's). */
    enum Level {
        FULL,
        INCREMENTAL,
        SNAPSHOT
    }

    /**
     * The plan of one run: which target, at which level, with which settings, kept how long, done
     * by when.
     */
    record Request(
            long runId,
            long policyId,
            Target target,
            Level level,
            Map<String, Object> settings,
            Duration ttl,
            Instant deadline) {}

    interface Progress {
        void beat();

        void reference(String reference);
    }

    enum Result {
        SUCCEEDED,
        PARTIALLY_FAILED,
        FAILED
    }

    record Outcome(Result result, String reference, Long bytes, String error, String note) {

        public static Outcome succeeded(String reference, Long bytes, String note) {
            return new Outcome(Result.SUCCEEDED, reference, bytes, null, note);
        }

        public static Outcome failed(String reference, String error) {
            return new Outcome(Result.FAILED, reference, null, error, null);
        }
    }
}
