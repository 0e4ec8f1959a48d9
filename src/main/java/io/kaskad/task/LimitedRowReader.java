package io.kaskad.task;

import java.io.IOException;

/**
 * Holds any reader to {@link FileLimits}: rows of the sheet, empty rows one after another, cells of
 * a row and characters of a cell. The refusal names the row, so that a person can find it.
 */
final class LimitedRowReader implements RowReader {

    private final RowReader rows;
    private final FileLimits limits;
    private int read;
    private int emptyInARow;

    LimitedRowReader(RowReader rows, FileLimits limits) {
        this.rows = rows;
        this.limits = limits;
    }

    @Override
    public FileRow next() throws IOException {
        FileRow row = rows.next();
        if (row == null) {
            return null;
        }
        if (++read > limits.maxRows() || row.number() > limits.maxRows()) {
            throw new FileLimitExceededException("task.file.limit.rows", limits.maxRows());
        }
        if (row.cells().size() > limits.maxColumns()) {
            throw new FileLimitExceededException("task.file.limit.columns", row.number(), limits.maxColumns());
        }
        for (String cell : row.cells()) {
            if (cell.length() > limits.maxCellLength()) {
                throw new FileLimitExceededException("task.file.limit.cell-at", row.number(), limits.maxCellLength());
            }
        }
        emptyInARow = row.blank() ? emptyInARow + 1 : 0;
        if (emptyInARow > limits.maxEmptyRows()) {
            throw new FileLimitExceededException("task.file.limit.empty-rows", limits.maxEmptyRows(), row.number());
        }
        return row;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
