package io.kiban.backup.scheduling;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyEvents;
import io.kiban.backup.run.BackupRun;
import io.kiban.commons.json.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The policies on Quartz's clustered JDBC store (jdbc-cmt: these calls join the caller's
 * transaction, so a policy and its scheduling commit together; each fire time is acquired by
 * exactly one instance of the cluster, R-BK-1).
 *
 * <ul>
 *   <li>One cron trigger per distinct cron expression and time zone, identity {@code
 *       backup-cron/<hash>}: its job fires every active policy on that schedule ({@link
 *       CronGroupFireJob}). Quartz's clustered store serialises each trigger's firing and
 *       completion behind one row lock with a commit each; a trigger per policy made 1,000 policies
 *       on the same minute wait up to 20 s for that lock (bench/RESULTS.md), a trigger per schedule
 *       does not.
 *   <li>One durable job per policy, identity {@code backup-policy/<policy id>}, fired by one-shot
 *       triggers: run now, catch-up, the backup before maintenance.
 * </ul>
 */
@ApplicationScoped
public class PolicyScheduler {

    private static final Logger LOG = Logger.getLogger(PolicyScheduler.class);

    public static final String GROUP = "backup-policy";
    public static final String CRON_GROUP = "backup-cron";
    public static final String DATA_TRIGGER = "trigger";
    public static final String DATA_REQUESTED_AT = "requestedAt";
    public static final String DATA_REQUESTED_BY = "requestedBy";
    public static final String DATA_TARGET = "targetId";
    public static final String DATA_CRON = "cron";
    public static final String DATA_ZONE = "zone";

    private final Scheduler scheduler;

    public PolicyScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A policy was created, paused, resumed or rescheduled (inside its transaction: jdbc-cmt joins
     * it).
     */
    void onScheduleChanged(@Observes PolicyEvents.ScheduleChanged event) {
        schedule(event.policy(), event.from());
    }

    /** A policy was deleted (inside its transaction). */
    void onDeleted(@Observes PolicyEvents.Deleted event) {
        remove(event.policyId());
    }

    public static JobKey jobKey(long policyId) {
        return JobKey.jobKey(String.valueOf(policyId), GROUP);
    }

    /** The per-policy cron trigger of earlier versions; removed wherever it is still found. */
    public static TriggerKey cronKey(long policyId) {
        return TriggerKey.triggerKey(String.valueOf(policyId), GROUP);
    }

    /** The cluster instance that runs a job (recorded on its runs). */
    static String instanceId(org.quartz.JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    /**
     * The stable name of a schedule's trigger and job: a hash of the cron expression and the time
     * zone.
     */
    public static String groupName(String cron, String zone) {
        return Hashes.sha256Hex(cron + "\n" + zone).substring(0, 24);
    }

    /**
     * Makes sure the policy's one-shot job exists and, unless it is paused, that its schedule's
     * cron trigger does. Which fire times the policy takes part in is decided when the trigger
     * fires: those after its {@code scheduleFrom} (creation or resume), so the time missed while
     * paused is never fired (velero#2363); misfires are dropped (the reconciler records what was
     * missed instead).
     */
    public void schedule(BackupPolicy policy, Instant from) {
        try {
            JobDetail job =
                    JobBuilder.newJob(PolicyFireJob.class)
                            .withIdentity(jobKey(policy.id))
                            .withDescription(policy.name)
                            .storeDurably()
                            .requestRecovery(false)
                            .build();
            scheduler.addJob(job, true, true);
            scheduler.unscheduleJob(cronKey(policy.id));
            if (!policy.paused) {
                ensureGroup(policy.cron, policy.timeZone);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "could not schedule policy " + policy.id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the schedule's job and trigger unless they exist. Policies on a new schedule created
     * at the same moment race to create them: each transaction may have read before the other
     * committed, so the loser's insert meets the winner's row (a duplicate key) — then the schedule
     * exists, which is all that was wanted.
     */
    private void ensureGroup(String cron, String zone) throws SchedulerException {
        try {
            createGroup(cron, zone);
        } catch (SchedulerException e) {
            if (!duplicate(e)) {
                throw e;
            }
            LOG.debugf(
                    "the trigger of schedule %s %s was created by another request meanwhile",
                    cron, zone);
        }
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private void createGroup(String cron, String zone) throws SchedulerException {
        String name = groupName(cron, zone);
        TriggerKey key = TriggerKey.triggerKey(name, CRON_GROUP);
        if (scheduler.checkExists(key)) {
            return;
        }
        JobDetail job =
                JobBuilder.newJob(CronGroupFireJob.class)
                        .withIdentity(name, CRON_GROUP)
                        .withDescription(cron + " " + zone)
                        .usingJobData(DATA_CRON, cron)
                        .usingJobData(DATA_ZONE, zone)
                        .storeDurably()
                        .requestRecovery(false)
                        .build();
        scheduler.addJob(job, true, true);
        Trigger trigger =
                TriggerBuilder.newTrigger()
                        .withIdentity(key)
                        .forJob(job)
                        .withSchedule(
                                CronScheduleBuilder.cronSchedule(cron)
                                        .inTimeZone(TimeZone.getTimeZone(zone))
                                        .withMisfireHandlingInstructionDoNothing())
                        .startNow()
                        .build();
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            LOG.debugf("the trigger of schedule %s %s was created meanwhile", cron, zone);
        }
    }

    /**
     * Removes the cron triggers no active policy uses any more, and per-policy cron triggers left
     * by earlier versions. Returns how many were removed.
     */
    public int tidy(Set<String> activeGroups) {
        int removed = 0;
        try {
            for (TriggerKey key :
                    scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(CRON_GROUP))) {
                if (!activeGroups.contains(key.getName())) {
                    scheduler.deleteJob(JobKey.jobKey(key.getName(), CRON_GROUP));
                    removed++;
                }
            }
            for (TriggerKey key :
                    scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                if (key.getName().chars().allMatch(Character::isDigit)) {
                    scheduler.unscheduleJob(key);
                    removed++;
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "could not tidy the schedule triggers: " + e.getMessage(), e);
        }
        return removed;
    }

    /** Whether the schedule (cron expression and zone) has its trigger. */
    public boolean isScheduled(String cron, String zone) {
        try {
            return scheduler.checkExists(TriggerKey.triggerKey(groupName(cron, zone), CRON_GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public void remove(long policyId) {
        try {
            scheduler.deleteJob(jobKey(policyId));
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "could not unschedule policy " + policyId + ": " + e.getMessage(), e);
        }
    }

    /**
     * A one-shot firing of the policy's job (run now, catch-up), on whichever instance acquires it.
     */
    public void fireOnce(
            long policyId,
            BackupRun.Trigger kind,
            Instant requestedAt,
            String requestedBy,
            Long targetId) {
        try {
            if (!scheduler.checkExists(jobKey(policyId))) {
                scheduler.addJob(
                        JobBuilder.newJob(PolicyFireJob.class)
                                .withIdentity(jobKey(policyId))
                                .storeDurably()
                                .requestRecovery(false)
                                .build(),
                        true,
                        true);
            }
            TriggerBuilder<Trigger> builder =
                    TriggerBuilder.newTrigger()
                            .withIdentity(
                                    kind.name().toLowerCase() + "-" + UUID.randomUUID(), GROUP)
                            .forJob(jobKey(policyId))
                            .usingJobData(DATA_TRIGGER, kind.name())
                            .usingJobData(
                                    DATA_REQUESTED_AT, String.valueOf(requestedAt.toEpochMilli()))
                            .usingJobData(DATA_REQUESTED_BY, requestedBy == null ? "" : requestedBy)
                            .startNow();
            if (targetId != null) {
                builder.usingJobData(DATA_TARGET, String.valueOf(targetId));
            }
            scheduler.scheduleJob(builder.build());
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "could not queue a run of policy " + policyId + ": " + e.getMessage(), e);
        }
    }
}
