package io.kaskad.channel.sandbox;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Delivers the sandbox's due delivery reports, as a real provider's webhooks would arrive. */
class SandboxReportJob extends QuartzJobBean {

    private static final int BATCH = 500;

    private final SandboxReportSchedule reports;

    SandboxReportJob(SandboxReportSchedule reports) {
        this.reports = reports;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        while (reports.deliverDue(BATCH) == BATCH) {
            // a backlog drains in one firing
        }
    }
}
