package io.kiban.backup.scheduling;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.run.BackupRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One durable Quartz job per policy, identity {@code backup-policy/<policy id>}, with one cron trigger
 * of the same name. The store is Quartz's clustered JDBC store on the service's database (jdbc-cmt), so
 * these calls join the caller's transaction: a policy and its trigger commit together, and each fire
 * time is acquired by exactly one instance of the cluster (R-BK-1).
 */
@ApplicationScoped
public class PolicyScheduler {

    public static final String GROUP = "backup-policy";
    public static final String DATA_TRIGGER = "trigger";
    public static final String DATA_REQUESTED_AT = "requestedAt";
    public static final String DATA_REQUESTED_BY = "requestedBy";
    public static final String DATA_TARGET = "targetId";

    private final Scheduler scheduler;

    public PolicyScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static JobKey jobKey(long policyId) {
        return JobKey.jobKey(String.valueOf(policyId), GROUP);
    }

    public static TriggerKey cronKey(long policyId) {
        return TriggerKey.triggerKey(String.valueOf(policyId), GROUP);
    }

    /**
     * (Re)schedules the policy's cron trigger starting now; a paused policy has none. Starting afresh on
     * resume means the time missed while paused is never fired (velero#2363), and misfires are dropped
     * (the reconciler records what was missed instead).
     */
    public void schedule(BackupPolicy policy, Instant from) {
        try {
            JobDetail job = JobBuilder.newJob(PolicyFireJob.class).withIdentity(jobKey(policy.id))
                    .withDescription(policy.name).storeDurably().requestRecovery(false).build();
            scheduler.addJob(job, true, true);
            scheduler.unscheduleJob(cronKey(policy.id));
            if (policy.paused) {
                return;
            }
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(cronKey(policy.id)).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(policy.cron)
                            .inTimeZone(TimeZone.getTimeZone(policy.timeZone))
                            .withMisfireHandlingInstructionDoNothing())
                    // Quartz's first fire time is the first after (start − 1 s): start one second later so
                    // that nothing before `from` fires
                    .startAt(Date.from(from.plusSeconds(1))).build();
            scheduler.scheduleJob(trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule policy " + policy.id + ": " + e.getMessage(), e);
        }
    }

    public boolean isScheduled(long policyId) {
        try {
            return scheduler.checkExists(jobKey(policyId)) && scheduler.checkExists(cronKey(policyId));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public void remove(long policyId) {
        try {
            scheduler.deleteJob(jobKey(policyId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not unschedule policy " + policyId + ": " + e.getMessage(), e);
        }
    }

    /** A one-shot firing of the policy's job (run now, catch-up), on whichever instance acquires it. */
    public void fireOnce(long policyId, BackupRun.Trigger kind, Instant requestedAt, String requestedBy,
            Long targetId) {
        try {
            TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
                    .withIdentity(kind.name().toLowerCase() + "-" + UUID.randomUUID(), GROUP)
                    .forJob(jobKey(policyId))
                    .usingJobData(DATA_TRIGGER, kind.name())
                    .usingJobData(DATA_REQUESTED_AT, String.valueOf(requestedAt.toEpochMilli()))
                    .usingJobData(DATA_REQUESTED_BY, requestedBy == null ? "" : requestedBy)
                    .startNow();
            if (targetId != null) {
                builder.usingJobData(DATA_TARGET, String.valueOf(targetId));
            }
            scheduler.scheduleJob(builder.build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not queue a run of policy " + policyId + ": " + e.getMessage(), e);
        }
    }
}
