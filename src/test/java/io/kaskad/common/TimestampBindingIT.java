package io.kaskad.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast binding writes exactly what a {@link Timestamp} writes, on the real database: read back as
 * instants, winter and summer times agree to the second (MariaDB behind Connector/J keeps no fractions).
 */
@IntegrationTest
class TimestampBindingIT {

    private static final List<Instant> TIMES = List.of(Instant.parse("2026-01-31T23:59:59Z"), Instant.parse("2026-03-29T01:30:00Z"),
            Instant.parse("2026-07-01T00:00:01Z"), Instant.parse("2026-10-25T02:30:00Z"));

    @Autowired
    TimestampBinding binding;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE timestamp_binding_check (id INT PRIMARY KEY, fast DATETIME(6), plain DATETIME(6))");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE timestamp_binding_check");
    }

    @Test
    void theFastBindingIsChosenAndStoresWhatATimestampStores() {
        assertThat(binding.zone()).as("a LocalDateTime zone agreeing with the driver was found").isNotNull();
        for (int i = 0; i < TIMES.size(); i++) {
            jdbc.update("INSERT INTO timestamp_binding_check VALUES (?, ?, ?)", i, binding.bind(TIMES.get(i)), Timestamp.from(TIMES.get(i)));
        }
        for (int i = 0; i < TIMES.size(); i++) {
            List<Instant> row = jdbc.queryForObject("SELECT fast, plain FROM timestamp_binding_check WHERE id = ?",
                    (rs, n) -> List.of(rs.getTimestamp("fast").toInstant(), rs.getTimestamp("plain").toInstant()), i);
            assertThat(row).as("time %s", TIMES.get(i)).containsExactly(TIMES.get(i), TIMES.get(i));
        }
        assertThat(binding.bind(null)).isNull();
    }
}
