package io.kaskad.chat;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Ends sessions whose lifetime of inactivity has passed (asking for a rating when the chat wants one)
 * and asks for intermediate ratings that have come due. One node at a time; each session is changed
 * under its own lock and re-checked there, so a message arriving meanwhile keeps the session alive.
 */
@DisallowConcurrentExecution
class SessionSweepJob extends QuartzJobBean {

    private static final int BATCH = 200;

    private final ChatSessionService sessions;

    SessionSweepJob(ChatSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (String sessionId : sessions.dueForExpiry(BATCH)) {
            sessions.expire(sessionId);
        }
        for (String sessionId : sessions.dueForIntermediateFeedback(BATCH)) {
            sessions.askIntermediateFeedback(sessionId);
        }
    }
}
