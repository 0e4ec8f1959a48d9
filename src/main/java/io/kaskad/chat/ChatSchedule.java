package io.kaskad.chat;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session sweep, in Quartz's clustered store like the dispatch jobs: each firing runs on one node. */
@Configuration(proxyBeanMethods = false)
class ChatSchedule {

    @Bean
    JobDetail chatSessionSweepJobDetail() {
        return JobBuilder.newJob(SessionSweepJob.class).withIdentity("chat-session-sweep", "kaskad").storeDurably().build();
    }

    @Bean
    Trigger chatSessionSweepTrigger(JobDetail chatSessionSweepJobDetail, @Value("${kaskad.chat.sweep-interval:1s}") Duration interval) {
        return TriggerBuilder.newTrigger()
            .forJob(chatSessionSweepJobDetail)
            .withIdentity("chat-session-sweep", "kaskad")
            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(interval.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    }
}
