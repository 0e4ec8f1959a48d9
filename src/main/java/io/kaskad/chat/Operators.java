package io.kaskad.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which client users are on line as operators. Going on line lasts {@link #PRESENCE} and is renewed
 * while the operator's "Диалоги" page is open (it refreshes itself), so a closed browser tab ends it.
 */
@Component
public class Operators {

    static final Duration PRESENCE = Duration.ofSeconds(90);

    private final JdbcClient jdbc;
    private final Clock clock;

    Operators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void goOnline(long companyId, long userId) {
        setUntil(companyId, userId, clock.instant().plus(PRESENCE));
    }

    @Transactional
    public void goOffline(long companyId, long userId) {
        setUntil(companyId, userId, clock.instant().minusSeconds(1));
    }

    /** Renews presence only for an operator already on line. */
    @Transactional
    public void heartbeat(long userId) {
        jdbc.sql("UPDATE chat_operator SET online_until = ? WHERE user_id = ? AND online_until > ?")
            .params(Timestamp.from(clock.instant().plus(PRESENCE)), userId, Timestamp.from(clock.instant()))
            .update();
    }

    public boolean online(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_operator WHERE user_id = ? AND online_until > ?")
            .params(userId, Timestamp.from(clock.instant()))
            .query(Long.class)
            .single() > 0;
    }

    private void setUntil(long companyId, long userId, Instant until) {
        int updated = jdbc.sql("UPDATE chat_operator SET online_until = ?, company_id = ? WHERE user_id = ?")
            .params(Timestamp.from(until), companyId, userId)
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO chat_operator (user_id, company_id, online_until) VALUES (?, ?, ?)")
                .params(userId, companyId, Timestamp.from(until))
                .update();
        }
    }
}
