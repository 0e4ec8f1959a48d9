package io.kaskad.task;

/** How a task ended: every row handed over, the send period over before that, or cancelled. */
public enum TaskOutcome {
    ALL_SENT, PERIOD_ENDED, CANCELLED;

    public String messageKey() {
        return "task.outcome." + name();
    }
}
