package io.kaskad.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company's notices, newest first. */
@Service
public class NoticeService {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long companyId, String messageCode, String subject, String detail, String link) {
        jdbc.sql("INSERT INTO notice (company_id, message_code, subject, detail, link, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .params(companyId, messageCode, subject, detail, link, Timestamp.from(clock.instant()))
            .update();
    }

    public List<Notice> latest(long companyId, int limit) {
        return jdbc.sql("SELECT * FROM notice WHERE company_id = ? ORDER BY id DESC LIMIT " + limit)
            .param(companyId)
            .query((rs, row) -> new Notice(rs.getLong("id"), rs.getString("message_code"), rs.getString("subject"),
                    rs.getString("detail"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("read_at") != null))
            .list();
    }

    public long unread(long companyId) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE company_id = ? AND read_at IS NULL").param(companyId).query(Long.class).single();
    }

    @Transactional
    public void markAllRead(long companyId) {
        jdbc.sql("UPDATE notice SET read_at = ? WHERE company_id = ? AND read_at IS NULL")
            .params(Timestamp.from(clock.instant()), companyId)
            .update();
    }
}
