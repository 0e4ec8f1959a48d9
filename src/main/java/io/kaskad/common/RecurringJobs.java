package io.kaskad.common;

import java.time.Duration;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The recurring jobs every module schedules the same way: durable, in Quartz's clustered JDBC store
 * (each firing runs on one node), in the group {@code kaskad}.
 */
public final class RecurringJobs {

    private RecurringJobs() {
    }

    public static JobDetail job(Class<? extends Job> type, String name) {
        return JobBuilder.newJob(type).withIdentity(name, "kaskad").storeDurably().build();
    }

    /** Missed firings are dropped, not replayed: the next firing finds all the work anyway. */
    public static Trigger every(JobDetail job, String name, Duration interval) {
        return TriggerBuilder.newTrigger()
            .forJob(job)
            .withIdentity(name, "kaskad")
            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(interval.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    }
}
