package io.kaskad.dispatch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.message.MessageService;

/** Forgets idempotency keys past their window. */
@DisallowConcurrentExecution
class HousekeepingJob extends QuartzJobBean {

    private final MessageService messages;

    HousekeepingJob(MessageService messages) {
        this.messages = messages;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        messages.forgetOldIdempotencyKeys();
    }
}
