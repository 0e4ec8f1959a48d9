package io.kaskad.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes new values to many rows of one table, found by id, in few statements: rows that take the same
 * values share one {@code UPDATE … WHERE id IN (…)}; the others go {@value #ROWS_WITH_CASES} at a time,
 * a column they all set alike written once and one that differs by {@code CASE id WHEN … THEN … END}.
 *
 * <p>Why not a JDBC batch of single-row UPDATEs: the database runs a statement per row, and MySQL's
 * driver rewrites the batch into one long multi-statement text that it then parses again; at a few
 * thousand attempts a second that was most of the dispatcher's work. Portable SQL (H2 and MySQL), no
 * dialect-specific upsert, so a row that is gone stays gone.
 */
final class RowUpdates {

    /** The most ids one {@code IN (…)} lists. */
    private static final int MAX_IN_LIST = 1000;

    /** The most rows of differing values one statement writes: keeps its {@code CASE}s short. */
    static final int ROWS_WITH_CASES = 100;

    /**
     * A column written by an update: {@code assignment} holds one {@code ?} for its value, e.g.
     * {@code "status = ?"}, {@code "handed_over_at = CASE WHEN ? THEN NULL ELSE handed_over_at END"}.
     */
    record Column(String assignment, int sqlType) {

        Column {
            if (assignment.indexOf('?') != assignment.lastIndexOf('?') || assignment.indexOf('?') < 0) {
                throw new IllegalArgumentException("one ? per assignment: " + assignment);
            }
        }
    }

    private final String table;
    private final List<Column> columns;

    RowUpdates(String table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** Writes each row's values, one per column in order; answers nothing (the caller holds the rows' locks). */
    void write(JdbcTemplate jdbc, Map<Long, List<Object>> valuesById) {
        Map<List<Object>, List<Long>> alike = new LinkedHashMap<>();
        valuesById.forEach((id, values) -> {
            if (values.size() != columns.size()) {
                throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " columns");
            }
            alike.computeIfAbsent(values, v -> new ArrayList<>()).add(id);
        });
        List<Long> alone = new ArrayList<>();
        alike.forEach((values, ids) -> {
            if (ids.size() == 1) {
                alone.add(ids.get(0));
                return;
            }
            for (int from = 0; from < ids.size(); from += MAX_IN_LIST) {
                List<Long> some = ids.subList(from, Math.min(ids.size(), from + MAX_IN_LIST));
                Statement statement = new Statement();
                for (int c = 0; c < columns.size(); c++) {
                    statement.set(columns.get(c), values.get(c));
                }
                statement.run(jdbc, some);
            }
        });
        for (int from = 0; from < alone.size(); from += ROWS_WITH_CASES) {
            List<Long> some = alone.subList(from, Math.min(alone.size(), from + ROWS_WITH_CASES));
            Statement statement = new Statement();
            for (int c = 0; c < columns.size(); c++) {
                int column = c;
                List<Object> values = some.stream().map(id -> valuesById.get(id).get(column)).toList();
                if (values.stream().allMatch(value -> Objects.equals(value, values.get(0)))) {
                    statement.set(columns.get(c), values.get(0));
                }
                else {
                    statement.setEach(columns.get(c), some, values);
                }
            }
            statement.run(jdbc, some);
        }
    }

    /** One UPDATE being built: its assignments and their parameters, in the order of their {@code ?}s. */
    private final class Statement {

        private final List<String> assignments = new ArrayList<>();
        private final List<Object> args = new ArrayList<>();
        private final List<Integer> types = new ArrayList<>();

        void set(Column column, Object value) {
            assignments.add(column.assignment());
            args.add(value);
            types.add(column.sqlType());
        }

        void setEach(Column column, List<Long> ids, List<Object> values) {
            StringBuilder cases = new StringBuilder("(CASE id");
            for (int i = 0; i < ids.size(); i++) {
                cases.append(" WHEN ? THEN ?");
                args.add(ids.get(i));
                types.add(java.sql.Types.BIGINT);
                args.add(values.get(i));
                types.add(column.sqlType());
            }
            assignments.add(column.assignment().replace("?", cases.append(" END)")));
        }

        void run(JdbcTemplate jdbc, List<Long> ids) {
            args.addAll(ids);
            ids.forEach(id -> types.add(java.sql.Types.BIGINT));
            String sql = "UPDATE " + table + " SET " + String.join(", ", assignments) + " WHERE id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
            jdbc.update(sql, args.toArray(), types.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
