package io.kaskad.message;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kaskad.common.SqlVariables;
import io.kaskad.common.TimestampBinding;
import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many rows in one batch naming only the columns some row has a value for, and setting once the values all rows share,
 * on the real database: each row as given, ids in order.
 */
@IntegrationTest
class RowInsertsIT {

    private record Row(String name, String note, Integer n, boolean flag, Instant at) {

        Row(String name, String note, Integer n, boolean flag) {
            this(name, note, n, flag, null);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlVariables variables;

    @Autowired
    TimestampBinding times;

    private RowInserts<Row> inserts;

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE row_inserts_check (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, note VARCHAR(40), "
                + "n INT, flag BOOLEAN NOT NULL, at TIMESTAMP(6) NULL)");
        inserts = new RowInserts<>("row_inserts_check", List.of(
                new RowInserts.Column<>("name", Types.VARCHAR, Row::name), new RowInserts.Column<>("note", Types.VARCHAR, Row::note),
                new RowInserts.Column<>("n", Types.INTEGER, Row::n), new RowInserts.Column<>("flag", Types.BOOLEAN, Row::flag),
                new RowInserts.Column<>("at", Types.TIMESTAMP, row -> times.bind(row.at()))), variables);
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE row_inserts_check");
    }

    @Test
    void everyRowIsStoredAsGivenAndItsIdAnsweredInOrder() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            rows.add(new Row("row " + i, i % 500 == 7 ? "note " + i : null, i % 3 == 0 ? null : i, i % 2 == 0));
        }
        long[] ids = insert(rows);

        assertThat(ids).hasSize(1500).doesNotHaveDuplicates();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM row_inserts_check WHERE id = ?", ids[i]);
            assertThat(stored.get("name")).as("row %d", i).isEqualTo("row " + i);
            assertThat(stored.get("note")).as("row %d", i).isEqualTo(i % 500 == 7 ? "note " + i : null);
            assertThat(stored.get("n") == null ? null : ((Number) stored.get("n")).intValue()).as("row %d", i).isEqualTo(i % 3 == 0 ? null : i);
            assertThat(stored.get("flag")).as("row %d", i).isIn(i % 2 == 0 ? List.of(true, 1) : List.of(false, 0));
        }
    }

    @Test
    void aColumnNoRowHasAValueForStaysNull() {
        long[] ids = insert(List.of(new Row("a", null, null, true), new Row("b", null, null, false)));

        assertThat(jdbc.queryForList("SELECT name FROM row_inserts_check WHERE note IS NULL AND n IS NULL ORDER BY id", String.class))
            .containsExactly("a", "b");
        assertThat(ids[1]).isGreaterThan(ids[0]);
    }

    @Test
    void valuesEveryRowSharesAreStoredOnEveryRowAsABoundValueWouldBe() {
        // a time with microseconds: the shared value must keep exactly the precision a bound one keeps (MariaDB's driver
        // drops the fraction: a shared value that kept it would be a different time)
        Instant at = Instant.parse("2026-12-01T10:11:12.345678Z");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Row("shared " + i, "одна заметка на всех 👍", 7, true, at));
        }
        rows.add(new Row("shared 50", "одна заметка на всех 👍", 8, true, at));
        long[] sharedIds = insert(rows);
        long[] boundIds = insert(List.of(new Row("bound", "одна заметка на всех 👍", 7, true, at)));

        Map<String, Object> bound = jdbc.queryForMap("SELECT note, n, flag, at FROM row_inserts_check WHERE id = ?", boundIds[0]);
        assertThat(sharedIds).hasSize(51).doesNotHaveDuplicates();
        for (int i = 0; i < sharedIds.length; i++) {
            Map<String, Object> stored = jdbc.queryForMap("SELECT name, note, n, flag, at FROM row_inserts_check WHERE id = ?", sharedIds[i]);
            assertThat(stored.get("name")).as("row %d", i).isEqualTo("shared " + i);
            assertThat(stored.get("note")).as("row %d", i).isEqualTo("одна заметка на всех 👍").isEqualTo(bound.get("note"));
            assertThat(stored.get("flag")).as("row %d", i).isEqualTo(bound.get("flag"));
            assertThat(stored.get("at")).as("row %d", i).isEqualTo(bound.get("at"));
            assertThat(((Number) stored.get("n")).intValue()).as("row %d", i).isEqualTo(i < 50 ? 7 : 8);
        }
    }

    @Test
    void aBatchOfManyRowsSetsItsSharedValuesOnceInsteadOfBindingThemPerRow() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < RowInserts.MIN_ROWS_TO_SHARE_VALUES; i++) {
            rows.add(new Row("row " + i, "shared", i, false));
        }
        String sharedNote = jdbc.execute((ConnectionCallback<String>) connection -> {
            inserts.insert(connection, rows);
            try (var read = connection.createStatement().executeQuery("SELECT @row_inserts_check_note")) {
                read.next();
                return read.getString(1);
            }
        });

        assertThat(sharedNote).isEqualTo("shared");
    }

    private long[] insert(List<Row> rows) {
        return jdbc.execute((ConnectionCallback<long[]>) connection -> inserts.insertReturningIds(connection, rows));
    }
}
