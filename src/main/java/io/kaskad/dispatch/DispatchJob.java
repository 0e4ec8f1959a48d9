package io.kaskad.dispatch;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;
import io.kaskad.message.Dispatcher;

/** Sends due attempts; several firings may run at once on any nodes (a few per node), each claiming its own rows. */
class DispatchJob extends QuartzJobBean {

    private final Dispatcher dispatcher;
    private final DispatchProperties properties;
    private final DispatchRuns runs;

    DispatchJob(Dispatcher dispatcher, DispatchProperties properties, DispatchRuns runs) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        runs.runIfFree(() -> Drain.whileFull(properties.batchSize(), properties.maxRun(),
                () -> dispatcher.dispatchDue(properties.batchSize())));
    }
}
