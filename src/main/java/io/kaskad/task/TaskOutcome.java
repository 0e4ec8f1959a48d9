package io.kaskad.task;

/**
 * How a task ended: every row handed over, the send period over before that, cancelled, or its file
 * never finished reading (the node reading it stopped).
 */
public enum TaskOutcome {
    ALL_SENT, PERIOD_ENDED, CANCELLED, IMPORT_INTERRUPTED;

    public String messageKey() {
        return "task.outcome." + name();
    }
}
