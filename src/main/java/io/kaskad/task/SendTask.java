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
}
