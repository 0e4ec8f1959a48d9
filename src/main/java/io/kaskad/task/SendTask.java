package io.kaskad.task;

import java.time.Instant;

/**
 * A send task row. {@code checkpointRow} is the number of the last file row the run has handed over
 * (a message was created for it, or it was given up): the run goes on after it, so a row is never
 * sent twice. {@code sentRows} counts rows that became messages, {@code unsentRows} rows given up.
 */
record SendTask(long id, String publicId, long companyId, String name, TaskType type, TaskStatus status, TaskOutcome outcome,
        String fileName, String fileFormat, Instant periodFrom, Instant periodTo, int totalRows, int validRows, int invalidRows,
        String channels, String ignoredColumns, String bulkId, int checkpointRow, int sentRows, int unsentRows, Long createdBy,
        Instant createdAt, Instant updatedAt, Instant startedAt, Instant lastRunAt, Instant finishedAt) {

    /** Valid rows not handed over yet. */
    int remainingRows() {
        return validRows - sentRows - unsentRows;
    }

    SendTask withStatus(TaskStatus newStatus, Instant now) {
        return new SendTask(id, publicId, companyId, name, type, newStatus, outcome, fileName, fileFormat, periodFrom, periodTo, totalRows,
                validRows, invalidRows, channels, ignoredColumns, bulkId, checkpointRow, sentRows, unsentRows, createdBy, createdAt, now,
                startedAt, lastRunAt, finishedAt);
    }

    /** Started now: running, with no outcome yet. */
    SendTask started(Instant now) {
        return new SendTask(id, publicId, companyId, name, type, TaskStatus.RUNNING, null, fileName, fileFormat, periodFrom, periodTo,
                totalRows, validRows, invalidRows, channels, ignoredColumns, bulkId, checkpointRow, sentRows, unsentRows, createdBy,
                createdAt, now, now, null, null);
    }

    /** After a batch: the checkpoint moved to {@code checkpoint}, with the rows sent and given up so far. */
    SendTask progressed(int checkpoint, int sent, int unsent, Instant now) {
        return new SendTask(id, publicId, companyId, name, type, status, outcome, fileName, fileFormat, periodFrom, periodTo, totalRows,
                validRows, invalidRows, channels, ignoredColumns, bulkId, checkpoint, sent, unsent, createdBy, createdAt, now, startedAt,
                now, finishedAt);
    }

    /** Ended with {@code ending}: finished, or cancelled; {@code unsent} rows were given up in all. */
    SendTask ended(TaskOutcome ending, int unsent, Instant now) {
        TaskStatus ended = ending == TaskOutcome.CANCELLED ? TaskStatus.CANCELLED : TaskStatus.FINISHED;
        return new SendTask(id, publicId, companyId, name, type, ended, ending, fileName, fileFormat, periodFrom, periodTo, totalRows,
                validRows, invalidRows, channels, ignoredColumns, bulkId, checkpointRow, sentRows, unsent, createdBy, createdAt, now,
                startedAt, lastRunAt, now);
    }
}
