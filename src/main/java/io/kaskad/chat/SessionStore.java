package io.kaskad.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Chat sessions in the database. Whatever changes a session (a client's message, an operator, expiry)
 * first takes its row lock with {@link #lock}, so two nodes never interleave one dialog.
 */
@Component
class SessionStore {

    private static final String COLUMNS = """
            id, public_id, company_id, chat_id, chat_public_id, name, scenario_id, messenger_type, messenger_user_id, client_id,
            client_external_id, client_name, client_phone, client_email, client_device_id, client_timezone, client_metadata,
            message_id, status, bot_state, operator_user_id, ttl, started_at, last_activity_at, expires_at, ended_at,
            intermediate_feedback_at, feedback_until, feedback_score""";

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ChatSession s) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO chat_session (public_id, company_id, chat_id, chat_public_id, name, scenario_id, messenger_type,
                  messenger_user_id, client_id, client_external_id, client_name, client_phone, client_email, client_device_id,
                  client_timezone, client_metadata, message_id, status, bot_state, operator_user_id, ttl, started_at,
                  last_activity_at, expires_at, ended_at, intermediate_feedback_at, feedback_until, feedback_score)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(s.publicId(), s.companyId(), s.chatId(), s.chatPublicId(), s.name(), s.scenarioId(), s.messengerType(),
                    s.messengerUserId(), s.clientId(), s.clientExternalId(), s.clientName(), s.clientPhone(), s.clientEmail(),
                    s.clientDeviceId(), s.clientTimezone(), s.clientMetadata(), s.messageId(), s.status().name(), s.botState(),
                    s.operatorUserId(), s.ttl(), ts(s.startedAt()), ts(s.lastActivityAt()), ts(s.expiresAt()), ts(s.endedAt()),
                    ts(s.intermediateFeedbackAt()), ts(s.feedbackUntil()), s.feedbackScore())
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Everything that changes during a dialog; the client's details are fixed at the start. */
    void update(ChatSession s) {
        jdbc.sql("""
                UPDATE chat_session SET scenario_id = ?, status = ?, bot_state = ?, operator_user_id = ?, last_activity_at = ?,
                  expires_at = ?, ended_at = ?, intermediate_feedback_at = ?, feedback_until = ?, feedback_score = ?
                WHERE id = ?""")
            .params(s.scenarioId(), s.status().name(), s.botState(), s.operatorUserId(), ts(s.lastActivityAt()), ts(s.expiresAt()),
                    ts(s.endedAt()), ts(s.intermediateFeedbackAt()), ts(s.feedbackUntil()), s.feedbackScore(), s.id())
            .update();
    }

    Optional<ChatSession> find(String publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_session WHERE public_id = ?").param(publicId).query(SessionStore::row).optional();
    }

    Optional<ChatSession> find(long companyId, String publicId) {
        return find(publicId).filter(s -> s.companyId() == companyId);
    }

    Optional<ChatSession> lock(String publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_session WHERE public_id = ? FOR UPDATE").param(publicId)
            .query(SessionStore::row).optional();
    }

    Set<String> existing(long companyId, Collection<String> publicIds) {
        if (publicIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT public_id FROM chat_session WHERE company_id = :company AND public_id IN (:ids)")
            .param("company", companyId)
            .param("ids", publicIds)
            .query(String.class)
            .list());
    }

    /** The latest open session of a messenger user in a chat, for "continue the last session". */
    Optional<ChatSession> lastOpen(long chatId, String messengerType, String messengerUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_session WHERE chat_id = ? AND messenger_type = ? AND messenger_user_id = ?"
                + " AND status IN ('ACTIVE', 'WAITING_OPERATOR', 'OPERATOR') ORDER BY id DESC LIMIT 1")
            .params(chatId, messengerType, messengerUserId)
            .query(SessionStore::row)
            .optional();
    }

    /** The client's open session in the same chat that began after {@code session}: where its widget goes on. */
    Optional<String> newerOpenOfClient(ChatSession session) {
        if (session.clientId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT public_id FROM chat_session WHERE chat_id = ? AND client_id = ? AND id > ?"
                + " AND status IN ('ACTIVE', 'WAITING_OPERATOR', 'OPERATOR') ORDER BY id DESC LIMIT 1")
            .params(session.chatId(), session.clientId(), session.id())
            .query(String.class)
            .optional();
    }

    /** The client id a messenger user had in this chat before, so one person keeps one client id. */
    Optional<String> knownClient(long chatId, String messengerType, String messengerUserId) {
        return jdbc.sql("SELECT client_id FROM chat_session WHERE chat_id = ? AND messenger_type = ? AND messenger_user_id = ? "
                + "ORDER BY id DESC LIMIT 1")
            .params(chatId, messengerType, messengerUserId)
            .query(String.class)
            .optional();
    }

    /** Open sessions of every company, counted up to {@code cap}. */
    long countOpen(int cap) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM chat_session WHERE status IN ('ACTIVE', 'WAITING_OPERATOR', 'OPERATOR') LIMIT "
                + (cap + 1) + ") open_sessions")
            .query(Long.class)
            .single();
    }

    List<String> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("SELECT public_id FROM chat_session WHERE status IN ('ACTIVE', 'WAITING_OPERATOR', 'OPERATOR') "
                + "AND expires_at <= ? ORDER BY expires_at LIMIT ?")
            .params(ts(now), limit)
            .query(String.class)
            .list();
    }

    List<String> dueForIntermediateFeedback(Instant now, int limit) {
        return jdbc.sql("SELECT public_id FROM chat_session WHERE status IN ('ACTIVE', 'WAITING_OPERATOR', 'OPERATOR') "
                + "AND intermediate_feedback_at <= ? ORDER BY intermediate_feedback_at LIMIT ?")
            .params(ts(now), limit)
            .query(String.class)
            .list();
    }

    /** Sessions of a company, newest first; {@code chatId} narrows to one chat. */
    List<ChatSession> recent(long companyId, Long chatId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_session WHERE company_id = ?" + (chatId == null ? "" : " AND chat_id = ?")
                + " ORDER BY id DESC LIMIT " + limit)
            .params(chatId == null ? List.of(companyId) : List.of(companyId, chatId))
            .query(SessionStore::row)
            .list();
    }

    /** How many dialogs each online operator of the company has now. */
    List<Long> operatorLoads(long companyId, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(s.id) FROM chat_operator o
                LEFT JOIN chat_session s ON s.operator_user_id = o.user_id AND s.status = 'OPERATOR'
                WHERE o.company_id = ? AND o.online_until > ?
                GROUP BY o.user_id""")
            .params(companyId, ts(now))
            .query(Long.class)
            .list();
    }

    static ChatSession row(ResultSet rs, int n) throws SQLException {
        return new ChatSession(rs.getLong("id"), rs.getString("public_id"), rs.getLong("company_id"), rs.getLong("chat_id"),
                rs.getString("chat_public_id"), rs.getString("name"), rs.getString("scenario_id"), rs.getString("messenger_type"),
                rs.getString("messenger_user_id"), rs.getString("client_id"), rs.getString("client_external_id"),
                rs.getString("client_name"), rs.getString("client_phone"), rs.getString("client_email"), rs.getString("client_device_id"),
                (Integer) rs.getObject("client_timezone", Integer.class), rs.getString("client_metadata"), rs.getString("message_id"),
                SessionStatus.valueOf(rs.getString("status")), rs.getString("bot_state"),
                (Long) rs.getObject("operator_user_id", Long.class), rs.getInt("ttl"), instant(rs, "started_at"),
                instant(rs, "last_activity_at"), instant(rs, "expires_at"), instant(rs, "ended_at"),
                instant(rs, "intermediate_feedback_at"), instant(rs, "feedback_until"),
                (Integer) rs.getObject("feedback_score", Integer.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
