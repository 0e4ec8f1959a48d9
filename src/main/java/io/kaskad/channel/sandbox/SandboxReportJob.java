package io.kaskad.channel.sandbox;

import java.time.Duration;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import io.kaskad.common.Drain;

/** Delivers the sandbox's due delivery reports, as a real provider's webhooks would arrive. */
class SandboxReportJob extends QuartzJobBean {

    private static final int BATCH = 500;

    /** As long as a dispatch job's firing drains (kaskad.dispatch.max-run's default): a stopping node waits no longer. */
    private static final Duration MAX_RUN = Duration.ofSeconds(5);

    private final SandboxReportSchedule reports;

    SandboxReportJob(SandboxReportSchedule reports) {
        this.reports = reports;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Drain.whileFull(BATCH, MAX_RUN, () -> reports.deliverDue(BATCH));
    }
}
