package io.kaskad.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The messages of chat sessions, in the order they were written (by id: MariaDB may keep whole seconds only). */
@Component
class DialogMessages {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DialogMessages(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    DialogMessage add(ChatSession session, Author author, String body, List<String> answers, List<String> attachments, String replyTo,
            Instant at) {
        String publicId = UUID.randomUUID().toString();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_message (public_id, session_id, author, body, answers, attachments, reply_to, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(publicId, session.id(), author.name(), body, answers == null || answers.isEmpty() ? null : json.writeValueAsString(answers),
                    attachments == null || attachments.isEmpty() ? null : json.writeValueAsString(attachments), replyTo, Timestamp.from(at))
            .update(keys, "id");
        return new DialogMessage(keys.getKey().longValue(), publicId, session.publicId(), author, body, answers == null ? List.of() : answers,
                attachments == null ? List.of() : attachments, replyTo, at);
    }

    /** A session's messages after {@code afterSeq} (0 for all), oldest first. */
    List<DialogMessage> after(long sessionId, String sessionPublicId, long afterSeq) {
        return jdbc.sql("SELECT id, public_id, author, body, answers, attachments, reply_to, created_at FROM chat_message "
                + "WHERE session_id = ? AND id > ? ORDER BY id")
            .params(sessionId, afterSeq)
            .query((rs, n) -> new DialogMessage(rs.getLong("id"), rs.getString("public_id"), sessionPublicId,
                    Author.valueOf(rs.getString("author")), rs.getString("body"), strings(rs.getString("answers")),
                    strings(rs.getString("attachments")), rs.getString("reply_to"), rs.getTimestamp("created_at").toInstant()))
            .list();
    }


    private List<String> strings(String value) {
        return value == null ? List.of() : json.readValue(value, STRINGS);
    }
}
