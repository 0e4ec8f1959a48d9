package io.kaskad.message;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys: claimed before the send (the primary key serialises retries), answered after it. */
@Repository
class IdempotencyStore {

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the key; a concurrent request with the same key waits here until the first one commits. */
    void claim(long companyId, String key, String requestHash, Instant now) {
        jdbc.sql("INSERT INTO idempotency_key (company_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")
            .params(companyId, key, requestHash, Sql.ts(now))
            .update();
    }

    void answer(long companyId, String key, String responseJson) {
        jdbc.sql("UPDATE idempotency_key SET response = ? WHERE company_id = ? AND idem_key = ?")
            .params(responseJson, companyId, key)
            .update();
    }

    Optional<Stored> find(long companyId, String key) {
        return jdbc.sql("SELECT request_hash, response FROM idempotency_key WHERE company_id = ? AND idem_key = ?")
            .params(companyId, key)
            .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2)))
            .optional();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(Sql.ts(cutoff)).update();
    }

    record Stored(String requestHash, String response) {
    }
}
