package io.kaskad.message;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Many rows in one batch naming only the columns some row has a value for, on the real database: each row as given, ids in order. */
@IntegrationTest
class RowInsertsIT {

    private record Row(String name, String note, Integer n, boolean flag) {
    }

    private static final RowInserts<Row> INSERTS = new RowInserts<>("row_inserts_check", List.of(
            new RowInserts.Column<>("name", Types.VARCHAR, Row::name), new RowInserts.Column<>("note", Types.VARCHAR, Row::note),
            new RowInserts.Column<>("n", Types.INTEGER, Row::n), new RowInserts.Column<>("flag", Types.BOOLEAN, Row::flag)));

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE row_inserts_check (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, note VARCHAR(40), "
                + "n INT, flag BOOLEAN NOT NULL)");
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

    private long[] insert(List<Row> rows) {
        return jdbc.execute((ConnectionCallback<long[]>) connection -> INSERTS.insertReturningIds(connection, rows));
    }
}
