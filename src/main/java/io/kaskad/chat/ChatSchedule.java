package io.kaskad.chat;

import java.time.Duration;

import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kaskad.common.RecurringJobs;

/** The session sweep, in Quartz's clustered store like the dispatch jobs: each firing runs on one node. */
@Configuration(proxyBeanMethods = false)
class ChatSchedule {

    @Bean
    JobDetail chatSessionSweepJobDetail() {
        return RecurringJobs.job(SessionSweepJob.class, "chat-session-sweep");
    }

    @Bean
    Trigger chatSessionSweepTrigger(JobDetail chatSessionSweepJobDetail, @Value("${kaskad.chat.sweep-interval:1s}") Duration interval) {
        return RecurringJobs.every(chatSessionSweepJobDetail, "chat-session-sweep", interval);
    }
}
