package io.kaskad.dispatch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;
import io.kaskad.message.MessageCounts;

/** Folds the counters' appended changes into the counters, so that reading a period stays a few thousand rows. */
@DisallowConcurrentExecution
class CountFoldJob extends QuartzJobBean {

    private static final int BATCH = 5000;

    private final MessageCounts counts;
    private final DispatchProperties properties;

    CountFoldJob(MessageCounts counts, DispatchProperties properties) {
        this.counts = counts;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Drain.whileFull(BATCH, properties.maxRun(), () -> counts.fold(BATCH));
    }
}
