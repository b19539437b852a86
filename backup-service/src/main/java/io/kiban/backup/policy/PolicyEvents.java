package io.kiban.backup.policy;

import java.time.Instant;

/**
 * What {@link PolicyService} tells the scheduler, as synchronous CDI events fired inside its
 * transaction (#19: the policy package does not call back into scheduling; an observer that fails
 * rolls the change back).
 */
public final class PolicyEvents {

    private PolicyEvents() {}

    /**
     * The policy was created, paused, resumed or given another schedule: its trigger must follow,
     * from {@code from}.
     */
    public record ScheduleChanged(BackupPolicy policy, Instant from) {}

    /** The policy was deleted: its job goes. */
    public record Deleted(long policyId) {}
}
