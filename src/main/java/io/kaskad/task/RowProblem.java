package io.kaskad.task;

/**
 * One entry of a task's validation report: the row (as the spreadsheet numbers it), the column's key
 * (null for the row as a whole), why, and the value found (or, for a duplicate, the earlier row).
 */
public record RowProblem(int row, String column, ProblemCode code, String value) {

    static final int MAX_VALUE = 300;

    public RowProblem {
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE);
        }
    }
}
