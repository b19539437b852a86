package io.kiban.backup.driver;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.commons.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SPI a backup technique implements (velero, csi-snapshot, http, exec). A policy names one driver
 * by {@link #name()}; its settings are checked by {@link #validate} when the policy is saved.
 * Implementations are CDI beans; {@link DriverRegistry} finds them.
 */
public interface BackupDriver {

    String name();

    /** Problems with the policy's settings for this driver, as fields under {@code driverSettings.}. */
    List<Problem.FieldError> validate(Map<String, Object> settings);

    /**
     * What these settings may not do with these targets (SEC-BK-1, SEC-BK-2, SEC-BK-5: destinations, namespaces,
     * arguments outside what the operators configured): answered 422 when a policy is saved. Empty when allowed.
     */
    default List<Problem.FieldError> refusals(Map<String, Object> settings, List<TargetView> targets) {
        return List.of();
    }

    /**
     * Takes one backup and follows it to a terminal state. Calls {@code progress.beat()} while waiting so
     * that the run is not taken for abandoned, and {@code progress.reference(...)} as soon as the copy has
     * a name. Returns FAILED rather than throwing for failures of the backup itself.
     */
    Outcome backup(Request request, Progress progress);

    /** Deletes the copy named {@code reference} (retention, R-BK-2). Throws when it could not. */
    void delete(TargetView target, String reference, Map<String, Object> settings);

    record Request(long runId, long policyId, TargetView target, BackupPolicy.Level level,
            Map<String, Object> settings, Duration ttl, Instant deadline) {
    }

    interface Progress {
        void beat();

        void reference(String reference);
    }

    enum Result { SUCCEEDED, PARTIALLY_FAILED, FAILED }

    record Outcome(Result result, String reference, Long bytes, String error, String note) {

        public static Outcome succeeded(String reference, Long bytes, String note) {
            return new Outcome(Result.SUCCEEDED, reference, bytes, null, note);
        }

        public static Outcome failed(String reference, String error) {
            return new Outcome(Result.FAILED, reference, null, error, null);
        }
    }
}
