package io.kaskad.task;

/**
 * A send task's life: its file is read ({@code IMPORTING}); the portal shows the report before the
 * client creates the task from the valid rows ({@code DRAFT}); created, it waits for start
 * ({@code READY}); then {@code RUNNING} ⇄ {@code PAUSED}, ending {@code FINISHED} or {@code CANCELLED}.
 * A read that never finished (its node stopped half-way) ends {@code FAILED}, with the reason as outcome.
 */
public enum TaskStatus {
    IMPORTING, DRAFT, READY, RUNNING, PAUSED, FINISHED, CANCELLED, FAILED;

    public boolean isFinal() {
        return this == FINISHED || this == CANCELLED || this == FAILED;
    }

    public String messageKey() {
        return "task.status." + name();
    }
}
