package io.kiban.backup.scheduling;

import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunExecutor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * What Quartz runs when a policy's trigger fires. The expected fire time of a scheduled run is the
 * trigger's scheduled time (not when the thread got to it), so the ledger matches the cron exactly.
 */
@Dependent
@Unremovable
public class PolicyFireJob implements Job {

    private final RunExecutor executor;

    public PolicyFireJob(RunExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long policyId = Long.parseLong(context.getJobDetail().getKey().getName());
        JobDataMap data = context.getMergedJobDataMap();
        BackupRun.Trigger kind =
                data.containsKey(PolicyScheduler.DATA_TRIGGER)
                        ? BackupRun.Trigger.valueOf(data.getString(PolicyScheduler.DATA_TRIGGER))
                        : BackupRun.Trigger.SCHEDULE;
        Instant expected =
                kind == BackupRun.Trigger.SCHEDULE
                        ? context.getScheduledFireTime().toInstant()
                        : Instant.ofEpochMilli(
                                Long.parseLong(data.getString(PolicyScheduler.DATA_REQUESTED_AT)));
        Long targetId =
                data.containsKey(PolicyScheduler.DATA_TARGET)
                        ? Long.valueOf(data.getString(PolicyScheduler.DATA_TARGET))
                        : null;
        String requestedBy =
                data.containsKey(PolicyScheduler.DATA_REQUESTED_BY)
                        ? data.getString(PolicyScheduler.DATA_REQUESTED_BY)
                        : null;
        executor.fire(
                policyId,
                expected,
                kind,
                requestedBy,
                targetId,
                PolicyScheduler.instanceId(context));
    }
}
