package io.kaskad.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.kaskad.common.SqlVariables;

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
 * <p>A value every row of a batch shares (the request's time, company, status, channel, send time…) is set once in
 * a user variable, and the statement names the variable instead of a parameter: Connector/J's work is per bound
 * value (it encodes each one twice: to size the multi-row statement's packets, then to write it), and in a request
 * of 1,000 destinations 19 of a message's and attempt's 25 values are the same on every row. The variable gets the
 * value exactly as a parameter would (the same driver renders it), so a time keeps the same precision.
 *
 * @param <T> what one row is made from
 */
final class RowInserts<T> {

    /** A column and how a row's value for it is made; {@code sqlType} is a {@link java.sql.Types} code. */
    record Column<T>(String name, int sqlType, Function<T, Object> value) {
    }

    /**
     * Fewer rows than this bind every value: setting the shared ones costs a round trip to the database, about what
     * binding a shared value on a few dozen rows costs, and a single message (the most common send) gains nothing.
     */
    static final int MIN_ROWS_TO_SHARE_VALUES = 10;

    private final String table;
    private final List<Column<T>> columns;
    private final SqlVariables variables;

    RowInserts(String table, List<Column<T>> columns, SqlVariables variables) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.variables = variables;
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
        boolean[] shared = sharedColumns(values);
        setSharedValues(connection, values.get(0), shared);
        String sql = sql(used, shared);
        try (PreparedStatement insert = returnIds ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql)) {
            for (Object[] rowValues : values) {
                int p = 1;
                for (int c = 0; c < rowValues.length; c++) {
                    if (used[c] && !shared[c]) {
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

    /** The columns whose value is the same, and not null, on every row; none when there are too few rows to gain. */
    private static boolean[] sharedColumns(List<Object[]> values) {
        Object[] first = values.get(0);
        boolean[] shared = new boolean[first.length];
        if (values.size() < MIN_ROWS_TO_SHARE_VALUES) {
            return shared;
        }
        for (int c = 0; c < first.length; c++) {
            shared[c] = first[c] != null;
        }
        for (Object[] rowValues : values) {
            for (int c = 0; c < shared.length; c++) {
                shared[c] &= Objects.equals(first[c], rowValues[c]);
            }
        }
        return shared;
    }

    private void setSharedValues(Connection connection, Object[] firstRow, boolean[] shared) throws SQLException {
        List<String> names = new ArrayList<>();
        List<Integer> sharedColumns = new ArrayList<>();
        for (int c = 0; c < shared.length; c++) {
            if (shared[c]) {
                names.add(variable(c));
                sharedColumns.add(c);
            }
        }
        for (SqlVariables.SetStatement set : variables.setStatements(names)) {
            try (PreparedStatement statement = connection.prepareStatement(set.sql())) {
                int p = 1;
                for (int variable : set.variables()) {
                    int c = sharedColumns.get(variable);
                    bind(statement, p++, firstRow[c], columns.get(c).sqlType());
                }
                statement.execute();
            }
        }
    }

    /** The user variable a column's shared value is set in: named after the table and the column, so no other insert's. */
    private String variable(int column) {
        return table + "_" + columns.get(column).name();
    }

    private String sql(boolean[] used, boolean[] shared) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int c = 0; c < used.length; c++) {
            if (used[c]) {
                String separator = names.isEmpty() ? "" : ", ";
                names.append(separator).append(columns.get(c).name());
                values.append(separator).append(shared[c] ? "@" + variable(c) : "?");
            }
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
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
