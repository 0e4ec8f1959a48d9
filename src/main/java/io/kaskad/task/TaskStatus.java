package io.kaskad.task;

/**
 * A send task's life: its file is read ({@code IMPORTING}); the portal shows the report before the
 * client creates the task from the valid rows ({@code DRAFT}); created, it waits for start
 * ({@code READY}); then {@code RUNNING} ⇄ {@code PAUSED}, ending {@code FINISHED} or {@code CANCELLED}.
 */
public enum TaskStatus {
    IMPORTING, DRAFT, READY, RUNNING, PAUSED, FINISHED, CANCELLED;

    public boolean isFinal() {
        return this == FINISHED || this == CANCELLED;
    }

    public String messageKey() {
        return "task.status." + name();
    }
}
