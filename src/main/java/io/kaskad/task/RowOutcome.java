package io.kaskad.task;

/**
 * What became of a valid row: a message was created ({@code SENT}, its own status then follows the
 * cascade), the message was refused at once ({@code REJECTED}, e.g. a template withdrawn since the
 * upload), or the row was given up when the period ended or the task was cancelled.
 */
public enum RowOutcome {
    SENT, REJECTED, PERIOD_ENDED, CANCELLED
}
