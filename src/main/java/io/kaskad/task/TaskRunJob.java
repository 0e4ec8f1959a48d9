package io.kaskad.task;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A tick of the running send tasks. Quartz runs one tick at a time in the cluster; each batch also
 * locks its task, so a tick overlapping a pause or a cancel from the portal waits for it, never races.
 */
@DisallowConcurrentExecution
class TaskRunJob extends QuartzJobBean {

    private final TaskRunner runner;

    TaskRunJob(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        runner.runAll();
    }
}
