package io.kaskad.task;

import java.time.Duration;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kaskad.common.RecurringJobs;

/** The send-task run, a recurring job in Quartz's clustered store like the dispatch jobs. */
@Configuration(proxyBeanMethods = false)
class TaskSchedule {

    @Bean
    JobDetail sendTaskRunJobDetail() {
        return RecurringJobs.job(TaskRunJob.class, "send-task-run");
    }

    @Bean
    Trigger sendTaskRunTrigger(JobDetail sendTaskRunJobDetail, @Value("${kaskad.task.run-interval:1s}") Duration interval) {
        return RecurringJobs.every(sendTaskRunJobDetail, "send-task-run", interval);
    }
}
