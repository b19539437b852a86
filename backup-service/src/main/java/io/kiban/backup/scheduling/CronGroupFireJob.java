package io.kiban.backup.scheduling;

import io.kiban.backup.run.RunExecutor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * What Quartz runs when a cron group's trigger fires: every active policy on that cron expression
 * and time zone gets its fire time recorded and started ({@link RunExecutor#fireGroup}). The
 * expected fire time is the trigger's scheduled time, so the ledger matches the cron exactly.
 */
@Dependent
@Unremovable
public class CronGroupFireJob implements Job {

    private final RunExecutor executor;

    public CronGroupFireJob(RunExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        executor.fireGroup(
                data.getString(PolicyScheduler.DATA_CRON),
                data.getString(PolicyScheduler.DATA_ZONE),
                context.getScheduledFireTime().toInstant(),
                PolicyScheduler.instanceId(context));
    }
}
