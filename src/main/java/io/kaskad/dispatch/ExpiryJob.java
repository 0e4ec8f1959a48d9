package io.kaskad.dispatch;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;
import io.kaskad.message.Dispatcher;

/** Expires attempts whose validity ran out, so the cascade moves on and no message stays SENDING forever. */
class ExpiryJob extends QuartzJobBean {

    private final Dispatcher dispatcher;
    private final DispatchProperties properties;

    ExpiryJob(Dispatcher dispatcher, DispatchProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Drain.whileFull(properties.batchSize(), properties.maxRun(), () -> dispatcher.expireOverdue(properties.batchSize()));
    }
}
