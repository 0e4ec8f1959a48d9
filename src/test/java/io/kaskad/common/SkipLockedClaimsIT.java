package io.kaskad.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kaskad.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two claims at once on the real database, each in its own open transaction: the first takes the oldest rows and
 * holds only those, the second takes the rest, and neither waits.
 */
@IntegrationTest
class SkipLockedClaimsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SkipLockedClaims claims;

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE claim_check (id BIGINT AUTO_INCREMENT PRIMARY KEY, status VARCHAR(10) NOT NULL, due_at BIGINT NOT NULL)");
        jdbc.execute("CREATE INDEX ix_claim_check_status_due ON claim_check (status, due_at)");
        // inserted out of due order, and one row not queued: the claim's order is the due time's, not the id's
        for (int due : new int[] { 5, 3, 9, 1, 7, 2, 8, 4, 6, 10 }) {
            jdbc.update("INSERT INTO claim_check (status, due_at) VALUES ('QUEUED', ?)", due);
        }
        jdbc.update("INSERT INTO claim_check (status, due_at) VALUES ('SENT', 0)");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE claim_check");
    }

    @Test
    void aClaimHoldsOnlyTheRowsItAnswersSoAnotherAtTheSameTimeTakesTheRest() throws SQLException {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);

            List<Long> firstTook = claim(first, 3);
            List<Long> secondTook = claim(second, 20);

            assertThat(firstTook).containsExactly(1L, 2L, 3L);
            assertThat(secondTook).containsExactlyInAnyOrder(4L, 5L, 6L, 7L, 8L, 9L, 10L);
            first.rollback();
            second.rollback();
        }
    }

    /** The due times of the queued rows due by 100 that a claim of {@code limit} takes. */
    private List<Long> claim(Connection connection, int limit) throws SQLException {
        String sql = "SELECT due_at FROM claim_check WHERE status = 'QUEUED' AND due_at <= 100 " + claims.firstLocked("due_at");
        List<Long> dueTimes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dueTimes.add(rows.getLong(1));
                }
            }
        }
        return dueTimes;
    }
}
