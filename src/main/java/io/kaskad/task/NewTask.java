package io.kaskad.task;

import java.time.Instant;

/** What creating a task takes besides its file: a name, a type and the period its messages may go out in. */
public record NewTask(String name, TaskType type, Instant periodFrom, Instant periodTo) {
}
