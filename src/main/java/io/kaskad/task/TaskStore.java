package io.kaskad.task;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of send tasks, their rows and their problems. Rows and problems are written in JDBC batches. */
@Repository
class TaskStore {

    private static final String COLUMNS = "id, public_id, company_id, name, type, status, outcome, file_name, file_format, period_from,"
            + " period_to, total_rows, valid_rows, invalid_rows, channels, ignored_columns, bulk_id, checkpoint_row, sent_rows,"
            + " unsent_rows, created_by, created_at, updated_at, started_at, last_run_at, finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TaskStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(SendTask t) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO send_task (public_id, company_id, name, type, status, file_name, file_format, period_from, period_to,"
                + " total_rows, valid_rows, invalid_rows, channels, bulk_id, created_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '', ?, ?, ?, ?)")
            .params(t.publicId(), t.companyId(), t.name(), t.type().name(), t.status().name(), t.fileName(), t.fileFormat(),
                    ts(t.periodFrom()), ts(t.periodTo()), t.bulkId(), t.createdBy(), ts(t.createdAt()), ts(t.updatedAt()))
            .update(key, "id");
        return key.getKey().longValue();
    }

    /** The address the task was created or started at (null: too long to keep), for the short links of its run. */
    void rememberPublicUrl(long id, String url) {
        jdbc.sql("UPDATE send_task SET public_url = ? WHERE id = ?").params(url, id).update();
    }

    String publicUrl(long id) {
        List<String> urls = jdbc.sql("SELECT public_url FROM send_task WHERE id = ?").param(id).query(String.class).list();
        return urls.isEmpty() ? null : urls.get(0);
    }

    void imported(long id, TaskStatus status, ImportSummary summary, Instant now) {
        jdbc.sql("UPDATE send_task SET status = ?, total_rows = ?, valid_rows = ?, invalid_rows = ?, channels = ?, ignored_columns = ?,"
                + " updated_at = ? WHERE id = ?")
            .params(status.name(), summary.totalRows(), summary.validRows(), summary.invalidRows(), summary.channelList(),
                    summary.ignoredColumns().isEmpty() ? null : String.join(", ", summary.ignoredColumns()), ts(now), id)
            .update();
    }

    /** Moves the task to another file: its name and format, back to importing with its rows and problems gone. */
    void replaceFile(long id, String fileName, String fileFormat, Instant now) {
        jdbc.sql("DELETE FROM send_task_row WHERE task_id = ?").param(id).update();
        jdbc.sql("DELETE FROM send_task_problem WHERE task_id = ?").param(id).update();
        jdbc.sql("UPDATE send_task SET status = 'IMPORTING', file_name = ?, file_format = ?, updated_at = ? WHERE id = ?")
            .params(fileName, fileFormat, ts(now), id)
            .update();
    }

    /** Tasks still reading a file last touched before {@code before}: their node stopped; they end failed. */
    int failStaleImports(Instant before, Instant now) {
        return jdbc.sql("UPDATE send_task SET status = 'FAILED', outcome = 'IMPORT_INTERRUPTED', updated_at = ?, finished_at = ?"
                + " WHERE status = 'IMPORTING' AND updated_at < ?")
            .params(ts(now), ts(now), ts(before))
            .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM send_task_row WHERE task_id = ?").param(id).update();
        jdbc.sql("DELETE FROM send_task_problem WHERE task_id = ?").param(id).update();
        jdbc.sql("DELETE FROM send_task WHERE id = ?").param(id).update();
    }

    Optional<SendTask> find(long companyId, String publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM send_task WHERE company_id = ? AND public_id = ?")
            .params(companyId, publicId)
            .query(TaskStore::task)
            .optional();
    }

    boolean exists(long companyId, String publicId) {
        return jdbc.sql("SELECT COUNT(*) FROM send_task WHERE company_id = ? AND public_id = ?")
            .params(companyId, publicId)
            .query(Long.class)
            .single() > 0;
    }

    Optional<SendTask> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM send_task WHERE id = ? FOR UPDATE").param(id).query(TaskStore::task).optional();
    }

    /** The task locked for this transaction, or empty when another node holds it (it is running a batch of it). */
    Optional<SendTask> lockUnlessBusy(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM send_task WHERE id = ? FOR UPDATE SKIP LOCKED")
            .param(id)
            .query(TaskStore::task)
            .optional();
    }

    List<SendTask> list(long companyId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM send_task WHERE company_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
            .params(companyId, limit)
            .query(TaskStore::task)
            .list();
    }

    long countRunning(long companyId) {
        return jdbc.sql("SELECT COUNT(*) FROM send_task WHERE company_id = ? AND status = 'RUNNING'").param(companyId).query(Long.class).single();
    }

    List<Long> running() {
        return jdbc.sql("SELECT id FROM send_task WHERE status = 'RUNNING' ORDER BY id").query(Long.class).list();
    }

    void update(SendTask t, Instant now) {
        jdbc.sql("UPDATE send_task SET status = ?, outcome = ?, checkpoint_row = ?, sent_rows = ?, unsent_rows = ?, started_at = ?,"
                + " last_run_at = ?, finished_at = ?, updated_at = ? WHERE id = ?")
            .params(t.status().name(), t.outcome() == null ? null : t.outcome().name(), t.checkpointRow(), t.sentRows(), t.unsentRows(),
                    ts(t.startedAt()), ts(t.lastRunAt()), ts(t.finishedAt()), ts(now), t.id())
            .update();
    }

    // --- rows

    void insertRows(long taskId, List<StoredRow> rows) {
        batch.batchUpdate("INSERT INTO send_task_row (task_id, row_no, destination, data) VALUES (?, ?, ?, ?)", rows, rows.size(),
                (PreparedStatement ps, StoredRow row) -> {
                    ps.setLong(1, taskId);
                    ps.setInt(2, row.number());
                    ps.setString(3, row.destination());
                    ps.setString(4, row.data());
                });
    }

    /** A valid row as stored: what its message needs as JSON, and then the message it became. */
    record StoredRow(int number, String destination, String data, String messageId, RowOutcome outcome, String error) {
    }

    List<StoredRow> rowsAfter(long taskId, int afterRow, int limit) {
        return jdbc.sql("SELECT row_no, destination, data, message_id, outcome, error FROM send_task_row"
                + " WHERE task_id = ? AND row_no > ? ORDER BY row_no LIMIT ?")
            .params(taskId, afterRow, limit)
            .query(TaskStore::row)
            .list();
    }

    void recordOutcomes(long taskId, List<StoredRow> rows) {
        batch.batchUpdate("UPDATE send_task_row SET message_id = ?, outcome = ?, error = ? WHERE task_id = ? AND row_no = ?", rows,
                rows.size(), (PreparedStatement ps, StoredRow row) -> {
                    ps.setString(1, row.messageId());
                    ps.setString(2, row.outcome().name());
                    ps.setString(3, row.error());
                    ps.setLong(4, taskId);
                    ps.setInt(5, row.number());
                });
    }

    /** Gives up the rows after {@code afterRow} that were not handed over; answers how many. */
    int giveUpAfter(long taskId, int afterRow, RowOutcome outcome) {
        return jdbc.sql("UPDATE send_task_row SET outcome = ? WHERE task_id = ? AND row_no > ? AND outcome IS NULL")
            .params(outcome.name(), taskId, afterRow)
            .update();
    }

    /** The number of the {@code offset}-th (0-based) row after {@code afterRow}, for naming rows that will not fit a period. */
    Optional<Integer> rowNumberAt(long taskId, int afterRow, int offset) {
        return jdbc.sql("SELECT row_no FROM send_task_row WHERE task_id = ? AND row_no > ? ORDER BY row_no LIMIT 1 OFFSET ?")
            .params(taskId, afterRow, offset)
            .query(Integer.class)
            .optional();
    }

    Optional<Integer> lastRowNumber(long taskId) {
        return Optional.ofNullable(jdbc.sql("SELECT MAX(row_no) FROM send_task_row WHERE task_id = ?")
            .param(taskId)
            .query(Integer.class)
            .single());
    }

    // --- problems

    void insertProblems(long taskId, List<RowProblem> problems) {
        batch.batchUpdate("INSERT INTO send_task_problem (task_id, row_no, column_key, code, found_value) VALUES (?, ?, ?, ?, ?)", problems,
                problems.size(), (PreparedStatement ps, RowProblem problem) -> {
                    ps.setLong(1, taskId);
                    ps.setInt(2, problem.row());
                    ps.setString(3, problem.column());
                    ps.setString(4, problem.code().name());
                    ps.setString(5, problem.value());
                });
    }

    List<RowProblem> problems(long taskId, int limit) {
        return jdbc.sql("SELECT row_no, column_key, code, found_value FROM send_task_problem WHERE task_id = ? ORDER BY row_no, id LIMIT ?")
            .params(taskId, limit)
            .query(TaskStore::problem)
            .list();
    }

    /** Every problem of the task in the order found (row order), a page at a time, for the report file. */
    void eachProblem(long taskId, Consumer<RowProblem> consumer) {
        long afterId = 0;
        while (true) {
            List<NumberedProblem> page = jdbc.sql("SELECT id, row_no, column_key, code, found_value FROM send_task_problem"
                    + " WHERE task_id = ? AND id > ? ORDER BY id LIMIT 1000")
                .params(taskId, afterId)
                .query((rs, row) -> new NumberedProblem(rs.getLong("id"), problem(rs, row)))
                .list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(entry -> consumer.accept(entry.problem()));
            afterId = page.get(page.size() - 1).id();
        }
    }

    private record NumberedProblem(long id, RowProblem problem) {
    }

    Map<ProblemCode, Long> problemCounts(long taskId) {
        Map<ProblemCode, Long> counts = new EnumMap<>(ProblemCode.class);
        jdbc.sql("SELECT code, COUNT(*) FROM send_task_problem WHERE task_id = ? GROUP BY code")
            .param(taskId)
            .query(rs -> {
                counts.put(ProblemCode.valueOf(rs.getString(1)), rs.getLong(2));
            });
        return counts;
    }

    // --- mapping

    private static SendTask task(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new SendTask(rs.getLong("id"), rs.getString("public_id"), rs.getLong("company_id"), rs.getString("name"),
                TaskType.valueOf(rs.getString("type")), TaskStatus.valueOf(rs.getString("status")),
                outcome == null ? null : TaskOutcome.valueOf(outcome), rs.getString("file_name"), rs.getString("file_format"),
                instant(rs, "period_from"), instant(rs, "period_to"), rs.getInt("total_rows"), rs.getInt("valid_rows"),
                rs.getInt("invalid_rows"), rs.getString("channels"), rs.getString("ignored_columns"), rs.getString("bulk_id"),
                rs.getInt("checkpoint_row"), rs.getInt("sent_rows"), rs.getInt("unsent_rows"), rs.getObject("created_by", Long.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "started_at"), instant(rs, "last_run_at"),
                instant(rs, "finished_at"));
    }

    private static StoredRow row(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new StoredRow(rs.getInt("row_no"), rs.getString("destination"), rs.getString("data"), rs.getString("message_id"),
                outcome == null ? null : RowOutcome.valueOf(outcome), rs.getString("error"));
    }

    private static RowProblem problem(ResultSet rs, int row) throws SQLException {
        return new RowProblem(rs.getInt("row_no"), rs.getString("column_key"), ProblemCode.valueOf(rs.getString("code")),
                rs.getString("found_value"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
