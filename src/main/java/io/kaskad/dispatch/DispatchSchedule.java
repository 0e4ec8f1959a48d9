package io.kaskad.dispatch;

import java.time.Duration;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kaskad.common.RecurringJobs;

/** The recurring jobs, stored in Quartz's clustered JDBC store: each firing runs on one node. */
@Configuration(proxyBeanMethods = false)
class DispatchSchedule {

    @Bean
    JobDetail dispatchJobDetail() {
        return RecurringJobs.job(DispatchJob.class, "dispatch");
    }

    @Bean
    Trigger dispatchTrigger(JobDetail dispatchJobDetail, DispatchProperties properties) {
        return every(dispatchJobDetail, "dispatch", properties);
    }

    @Bean
    JobDetail expiryJobDetail() {
        return RecurringJobs.job(ExpiryJob.class, "expiry");
    }

    @Bean
    Trigger expiryTrigger(JobDetail expiryJobDetail, DispatchProperties properties) {
        return every(expiryJobDetail, "expiry", properties);
    }

    @Bean
    JobDetail callbackJobDetail() {
        return RecurringJobs.job(CallbackJob.class, "callbacks");
    }

    @Bean
    Trigger callbackTrigger(JobDetail callbackJobDetail, DispatchProperties properties) {
        return every(callbackJobDetail, "callbacks", properties);
    }

    @Bean
    JobDetail countFoldJobDetail() {
        return RecurringJobs.job(CountFoldJob.class, "count-fold");
    }

    /** Every few seconds: a reader adds what is not folded yet, so this only keeps the appended changes few. */
    @Bean
    Trigger countFoldTrigger(JobDetail countFoldJobDetail) {
        return RecurringJobs.every(countFoldJobDetail, "count-fold", Duration.ofSeconds(5));
    }

    @Bean
    JobDetail housekeepingJobDetail() {
        return RecurringJobs.job(HousekeepingJob.class, "housekeeping");
    }

    @Bean
    Trigger housekeepingTrigger(JobDetail housekeepingJobDetail) {
        return RecurringJobs.every(housekeepingJobDetail, "housekeeping", Duration.ofHours(1));
    }

    private static Trigger every(JobDetail job, String name, DispatchProperties properties) {
        return RecurringJobs.every(job, name, properties.interval());
    }
}
