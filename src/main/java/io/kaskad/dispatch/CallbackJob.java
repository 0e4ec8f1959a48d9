package io.kaskad.dispatch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;
import io.kaskad.message.Callbacks;

/**
 * Delivers due status callbacks. One firing at a time on the cluster: slow endpoints then hold one
 * Quartz thread at most, never the threads that send messages.
 */
@DisallowConcurrentExecution
class CallbackJob extends QuartzJobBean {

    private final Callbacks callbacks;
    private final DispatchProperties properties;

    CallbackJob(Callbacks callbacks, DispatchProperties properties) {
        this.callbacks = callbacks;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Drain.whileFull(properties.batchSize(), properties.maxRun(), () -> callbacks.deliverDue(properties.batchSize()));
    }
}
