package io.kaskad.task;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The send-task run, a recurring job in Quartz's clustered store like the dispatch jobs. */
@Configuration(proxyBeanMethods = false)
class TaskSchedule {

    @Bean
    JobDetail sendTaskRunJobDetail() {
        return JobBuilder.newJob(TaskRunJob.class).withIdentity("send-task-run", "kaskad").storeDurably().build();
    }

    @Bean
    Trigger sendTaskRunTrigger(JobDetail sendTaskRunJobDetail, @Value("${kaskad.task.run-interval:1s}") Duration interval) {
        return TriggerBuilder.newTrigger()
            .forJob(sendTaskRunJobDetail)
            .withIdentity("send-task-run", "kaskad")
            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(interval.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    }
}
