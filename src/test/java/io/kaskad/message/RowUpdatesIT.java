package io.kaskad.message;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Many rows' new values in few statements, on the real database: each row gets its own values, whatever mix of alike and differing. */
@IntegrationTest
class RowUpdatesIT {

    /** Whole seconds: MariaDB behind Connector/J drops fractions. */
    private static final Instant T = Instant.parse("2026-11-30T10:15:30Z");

    private static final RowUpdates UPDATES = new RowUpdates("row_updates_check", List.of(
            new RowUpdates.Column("name = ?", Types.VARCHAR), new RowUpdates.Column("at = ?", Types.TIMESTAMP),
            new RowUpdates.Column("n = ?", Types.INTEGER),
            new RowUpdates.Column("cleared_at = CASE WHEN ? THEN NULL ELSE cleared_at END", Types.BOOLEAN)));

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void createRows() {
        jdbc.execute("CREATE TABLE row_updates_check (id BIGINT PRIMARY KEY, name VARCHAR(40), at DATETIME(6), n INT, cleared_at DATETIME(6))");
        for (long id = 1; id <= 260; id++) {
            jdbc.update("INSERT INTO row_updates_check VALUES (?, 'old', ?, 0, ?)", id, Timestamp.from(T), Timestamp.from(T));
        }
    }

    @AfterEach
    void dropRows() {
        jdbc.execute("DROP TABLE row_updates_check");
    }

    @Test
    void rowsWithDifferingValuesEachGetTheirOwnAcrossStatements() {
        Map<Long, List<Object>> values = new LinkedHashMap<>();
        for (long id = 1; id <= 250; id++) { // three statements of up to 100 rows
            values.put(id, Arrays.asList(id % 7 == 0 ? null : "name " + id, Timestamp.from(T.plusSeconds(id)), 5, id % 2 == 0));
        }
        UPDATES.write(jdbc, values);

        for (long id = 1; id <= 250; id++) {
            Map<String, Object> row = row(id);
            assertThat(row.get("name")).as("row %d", id).isEqualTo(id % 7 == 0 ? null : "name " + id);
            assertThat(instant(row.get("at"))).as("row %d", id).isEqualTo(T.plusSeconds(id));
            assertThat(((Number) row.get("n")).intValue()).isEqualTo(5);
            assertThat(row.get("cleared_at") == null).as("row %d cleared", id).isEqualTo(id % 2 == 0);
        }
        assertThat(row(251).get("name")).as("a row not named is untouched").isEqualTo("old");
    }

    @Test
    void rowsThatChangeAlikeShareAStatementAndTheRestStillGetTheirOwn() {
        Map<Long, List<Object>> values = new LinkedHashMap<>();
        for (long id = 1; id <= 200; id++) {
            values.put(id, Arrays.asList("sent", Timestamp.from(T.plusSeconds(60)), 1, false));
        }
        values.put(201L, Arrays.asList("alone", null, 2, true));
        values.put(202L, Arrays.asList("apart", Timestamp.from(T.plusSeconds(2)), 3, false));
        UPDATES.write(jdbc, values);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM row_updates_check WHERE name = 'sent' AND n = 1 AND cleared_at IS NOT NULL",
                Integer.class)).isEqualTo(200);
        assertThat(row(201)).containsEntry("name", "alone").containsEntry("at", null).containsEntry("cleared_at", null);
        assertThat(row(202).get("name")).isEqualTo("apart");
        assertThat(instant(row(202).get("at"))).isEqualTo(T.plusSeconds(2));
        assertThat(row(203).get("name")).isEqualTo("old");
    }

    private Map<String, Object> row(long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        jdbc.queryForMap("SELECT name, at, n, cleared_at FROM row_updates_check WHERE id = ?", id)
            .forEach((column, value) -> row.put(column.toLowerCase(), value));
        return row;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
    }
}
