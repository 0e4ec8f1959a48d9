package io.kaskad.dispatch;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring jobs, stored in Quartz's clustered JDBC store: each firing runs on one node. */
@Configuration(proxyBeanMethods = false)
class DispatchSchedule {

    @Bean
    JobDetail dispatchJobDetail() {
        return JobBuilder.newJob(DispatchJob.class).withIdentity("dispatch", "kaskad").storeDurably().build();
    }

    @Bean
    Trigger dispatchTrigger(JobDetail dispatchJobDetail, DispatchProperties properties) {
        return every(dispatchJobDetail, "dispatch", properties);
    }

    @Bean
    JobDetail expiryJobDetail() {
        return JobBuilder.newJob(ExpiryJob.class).withIdentity("expiry", "kaskad").storeDurably().build();
    }

    @Bean
    Trigger expiryTrigger(JobDetail expiryJobDetail, DispatchProperties properties) {
        return every(expiryJobDetail, "expiry", properties);
    }

    @Bean
    JobDetail callbackJobDetail() {
        return JobBuilder.newJob(CallbackJob.class).withIdentity("callbacks", "kaskad").storeDurably().build();
    }

    @Bean
    Trigger callbackTrigger(JobDetail callbackJobDetail, DispatchProperties properties) {
        return every(callbackJobDetail, "callbacks", properties);
    }

    @Bean
    JobDetail housekeepingJobDetail() {
        return JobBuilder.newJob(HousekeepingJob.class).withIdentity("housekeeping", "kaskad").storeDurably().build();
    }

    @Bean
    Trigger housekeepingTrigger(JobDetail housekeepingJobDetail) {
        return TriggerBuilder.newTrigger()
            .forJob(housekeepingJobDetail)
            .withIdentity("housekeeping", "kaskad")
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInHours(1).repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    }

    /** Missed firings are dropped, not replayed: the next firing finds all the work anyway. */
    static Trigger every(JobDetail job, String name, DispatchProperties properties) {
        return TriggerBuilder.newTrigger()
            .forJob(job)
            .withIdentity(name, "kaskad")
            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(properties.interval().toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    }
}
