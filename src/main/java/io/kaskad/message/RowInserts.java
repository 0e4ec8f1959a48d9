package io.kaskad.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts many rows of one table in one JDBC batch that names only the columns some row has a value for: the others
 * are nullable without a default, and stay NULL as if bound.
 *
 * <p>Why: a request of 1,000 destinations of one notification leaves 13 of a message's 28 columns NULL on every row
 * (no task, no template, no e-mail, no buttons, no callback…). Binding them was a third of ingest's JDBC work and
 * lengthened the multi-row text MySQL's driver sends ({@code rewriteBatchedStatements}) and the database parses.
 * The batch itself stays: the driver builds that multi-row statement far cheaper than a hand-built one, whose
 * thousands of {@code ?}s it would parse again for every request.
 *
 * @param <T> what one row is made from
 */
final class RowInserts<T> {

    /** A column and how a row's value for it is made; {@code sqlType} is a {@link java.sql.Types} code. */
    record Column<T>(String name, int sqlType, Function<T, Object> value) {
    }

    private final String table;
    private final List<Column<T>> columns;

    RowInserts(String table, List<Column<T>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** Inserts the rows in order. */
    void insert(Connection connection, List<T> rows) throws SQLException {
        run(connection, rows, false);
    }

    /** Inserts the rows in order; answers each one's generated id (the table's auto-increment key), in the same order. */
    long[] insertReturningIds(Connection connection, List<T> rows) throws SQLException {
        return run(connection, rows, true);
    }

    private long[] run(Connection connection, List<T> rows, boolean returnIds) throws SQLException {
        long[] ids = new long[returnIds ? rows.size() : 0];
        if (rows.isEmpty()) {
            return ids;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        boolean[] used = new boolean[columns.size()];
        for (T row : rows) {
            Object[] rowValues = new Object[columns.size()];
            for (int c = 0; c < rowValues.length; c++) {
                rowValues[c] = columns.get(c).value().apply(row);
                used[c] |= rowValues[c] != null;
            }
            values.add(rowValues);
        }
        String sql = sql(used);
        try (PreparedStatement insert = returnIds ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql)) {
            for (Object[] rowValues : values) {
                int p = 1;
                for (int c = 0; c < rowValues.length; c++) {
                    if (used[c]) {
                        bind(insert, p++, rowValues[c], columns.get(c).sqlType());
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
            if (returnIds) {
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (int i = 0; i < ids.length; i++) {
                        if (!keys.next()) {
                            throw new IllegalStateException("the database returned " + i + " keys for " + ids.length + " rows");
                        }
                        ids[i] = keys.getLong(1);
                    }
                }
            }
        }
        return ids;
    }

    private String sql(boolean[] used) {
        StringBuilder names = new StringBuilder();
        StringBuilder parameters = new StringBuilder();
        for (int c = 0; c < used.length; c++) {
            if (used[c]) {
                names.append(names.isEmpty() ? "" : ", ").append(columns.get(c).name());
                parameters.append(parameters.isEmpty() ? "?" : ", ?");
            }
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ")";
    }

    private static void bind(PreparedStatement insert, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            insert.setNull(index, sqlType);
        }
        else if (value instanceof String text) {
            insert.setString(index, text);
        }
        else if (value instanceof Long number) {
            insert.setLong(index, number);
        }
        else if (value instanceof Integer number) {
            insert.setInt(index, number);
        }
        else if (value instanceof Boolean flag) {
            insert.setBoolean(index, flag);
        }
        else {
            insert.setObject(index, value, sqlType);
        }
    }
}
