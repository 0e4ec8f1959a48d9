package io.kaskad.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kaskad.message.MessageStatus;

/**
 * A task as its owner sees it: the file's validation summary, and the run's progress — rows handed
 * over out of the valid ones, and the task's messages by status ({@code messages} is empty in lists).
 */
public record TaskView(String id, String name, TaskType type, TaskStatus status, TaskOutcome outcome, String fileName, Instant periodFrom,
        Instant periodTo, Instant createdAt, Instant startedAt, Instant finishedAt, Validation validation, Progress progress,
        List<String> channels) {

    public record Validation(int rows, int validRows, int invalidRows, List<String> ignoredColumns, Map<ProblemCode, Long> problems) {
    }

    public record Progress(int total, int sent, int notSent, int remaining, int percent, Map<MessageStatus, Long> messages) {

        /** Some of the task's messages have no final status yet (handed over, not delivered or undelivered). */
        public boolean messagesInFlight() {
            return messages.entrySet().stream().anyMatch(entry -> !entry.getKey().isFinal() && entry.getValue() > 0);
        }
    }

    /**
     * The page keeps refreshing its progress while the task runs, and after the run while its messages
     * are still on their way: "Отправляется: 60" under "Завершено" would be stale otherwise.
     */
    public boolean progressLive() {
        return status == TaskStatus.RUNNING || status.isFinal() && progress.messagesInFlight();
    }

    public boolean startable() {
        return status == TaskStatus.READY && validation.validRows() > 0;
    }
}
