package io.kaskad.dispatch;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;
import io.kaskad.message.Dispatcher;

/** Sends due attempts; several firings may run at once on any nodes, each claiming its own rows. */
class DispatchJob extends QuartzJobBean {

    private final Dispatcher dispatcher;
    private final DispatchProperties properties;

    DispatchJob(Dispatcher dispatcher, DispatchProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Drain.whileFull(properties.batchSize(), properties.maxRun(), () -> dispatcher.dispatchDue(properties.batchSize()));
    }
}
