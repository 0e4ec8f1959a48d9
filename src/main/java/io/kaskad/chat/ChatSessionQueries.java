package io.kaskad.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.kaskad.account.CompanyService;

/** Reading sessions for the statistics API and the "Диалоги" pages, always within one company. */
@Service
public class ChatSessionQueries {

    private final JdbcClient jdbc;
    private final SessionStore sessions;
    private final DialogMessages dialog;
    private final ChatSessionService service;
    private final ChatRepository chats;
    private final CompanyService companies;

    ChatSessionQueries(JdbcClient jdbc, SessionStore sessions, DialogMessages dialog, ChatSessionService service, ChatRepository chats,
            CompanyService companies) {
        this.companies = companies;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.dialog = dialog;
        this.service = service;
        this.chats = chats;
    }

    public record Counted(Long count, List<SessionSummary> items) {
    }

    /**
     * Sessions started in [from, to). {@code chatId} is a chat's id; a session's own id is accepted too,
     * since seed 004 step 3 passes the session id it found in step 2 under that name.
     */
    public Counted search(long companyId, Instant from, Instant to, String chatId, int page, int limit, boolean count, boolean items) {
        StringBuilder where = new StringBuilder("WHERE s.company_id = ? AND s.started_at >= ? AND s.started_at < ?");
        List<Object> params = new ArrayList<>(List.of(companyId, Timestamp.from(from), Timestamp.from(to)));
        if (chatId != null && !chatId.isBlank()) {
            where.append(" AND (s.chat_public_id = ? OR s.public_id = ?)");
            params.add(chatId.strip());
            params.add(chatId.strip());
        }
        Long total = count ? jdbc.sql("SELECT COUNT(*) FROM chat_session s " + where).params(params).query(Long.class).single() : null;
        List<SessionSummary> found = List.of();
        if (items) {
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add((long) page * limit);
            found = summaries(jdbc.sql("SELECT s.* FROM chat_session s " + where + " ORDER BY s.started_at, s.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(SessionStore::row)
                .list());
        }
        return new Counted(total, found);
    }

    /**
     * The sessions started in [from, to) at a glance: how many, how many ended, how many an operator took or was
     * asked for; and what the scenarios wrote, value by value, read from the newest {@link #RESULTS_READ} of them.
     */
    public record Figures(long started, long finished, long toOperator, Map<String, Map<String, Long>> results, boolean resultsCapped) {
    }

    public static final int RESULTS_READ = 2000;

    public Figures figures(long companyId, Instant from, Instant to) {
        List<Object> params = List.of(companyId, Timestamp.from(from), Timestamp.from(to));
        String where = " FROM chat_session WHERE company_id = ? AND started_at >= ? AND started_at < ?";
        Figures counted = jdbc.sql("""
                SELECT COUNT(*) AS started, SUM(CASE WHEN status IN ('CLOSED', 'EXPIRED') THEN 1 ELSE 0 END) AS finished,
                  SUM(CASE WHEN operator_user_id IS NOT NULL OR status IN ('WAITING_OPERATOR', 'OPERATOR') THEN 1 ELSE 0 END) AS to_operator"""
                + where)
            .params(params)
            .query((rs, row) -> new Figures(rs.getLong("started"), rs.getLong("finished"), rs.getLong("to_operator"), Map.of(), false))
            .single();
        Map<String, Map<String, Long>> results = new TreeMap<>();
        List<ChatSession> newest = jdbc.sql("SELECT *" + where + " ORDER BY started_at DESC LIMIT " + RESULTS_READ)
            .params(params)
            .query(SessionStore::row)
            .list();
        for (ChatSession session : newest) {
            service.dialogResults(session).forEach((name, value) -> {
                if (!"initialVariables".equals(name) && value != null && !(value instanceof Map) && !(value instanceof List)) {
                    results.computeIfAbsent(name, key -> new TreeMap<>()).merge(String.valueOf(value), 1L, Long::sum);
                }
            });
        }
        return new Figures(counted.started(), counted.finished(), counted.toOperator(), results, counted.started() > RESULTS_READ);
    }

    /** The company's dialogs waiting for an operator: the menu's count. */
    public long waitingForOperator(long companyId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_session WHERE company_id = ? AND status = 'WAITING_OPERATOR'")
            .param(companyId)
            .query(Long.class)
            .single();
    }

    /** The newest sessions of the company (or of one of its chats), for the live dialogs list. */
    public List<SessionSummary> recent(long companyId, String chatId, int limit) {
        Long chat = chatId == null || chatId.isBlank() ? null
                : chats.findByCompanyIdAndPublicId(companyId, chatId).map(Chat::id).orElse(-1L);
        return summaries(sessions.recent(companyId, chat, limit));
    }

    public Optional<SessionSummary> get(long companyId, String sessionId) {
        return sessions.find(companyId, sessionId).map(s -> summaries(List.of(s)).get(0));
    }

    /** A company's session's messages after {@code afterSeq}. */
    public List<DialogMessage> transcript(long companyId, String sessionId, long afterSeq) {
        return sessions.find(companyId, sessionId).map(s -> dialog.after(s.id(), s.publicId(), afterSeq)).orElse(List.of());
    }

    /** Anyone holding a session's id (the widget, the client system) may read its messages, unless the company is blocked. */
    public Optional<List<DialogMessage>> publicTranscript(String sessionId, long afterSeq) {
        return publicSession(sessionId).map(s -> dialog.after(s.id(), s.publicId(), afterSeq));
    }

    private Optional<ChatSession> publicSession(String sessionId) {
        return sessions.find(sessionId).filter(s -> !companies.isBlocked(s.companyId()));
    }

    /**
     * What a session's stream shows: its status, its messages after {@code afterSeq}, and, once it has
     * ended, the client's newer open session in the chat ({@code continuedIn}, null when there is none):
     * a send into an ended session starts a new one with the same client, and the widget follows it.
     */
    public record StreamUpdate(SessionStatus status, List<DialogMessage> messages, String continuedIn) {
    }

    public Optional<StreamUpdate> streamUpdate(String sessionId, long afterSeq) {
        return sessions.find(sessionId).map(s -> new StreamUpdate(s.status(), dialog.after(s.id(), s.publicId(), afterSeq),
                s.status().open() ? null : sessions.newerOpenOfClient(s).orElse(null)));
    }

    /** The chat of a session anyone may write to (not of a blocked company), for limits kept per chat. */
    public Optional<String> publicChatOf(String sessionId) {
        return publicSession(sessionId).map(ChatSession::chatPublicId);
    }

    /** Whether the session is one of the company's (a caller with that company's key is not braked like a visitor). */
    public boolean isCompanys(long companyId, String sessionId) {
        return sessions.find(sessionId).filter(s -> s.companyId() == companyId).isPresent();
    }

    public Optional<SessionStatus> publicStatus(String sessionId) {
        return publicSession(sessionId).map(ChatSession::status);
    }

    private List<SessionSummary> summaries(List<ChatSession> rows) {
        Map<Long, String> chatNames = new HashMap<>();
        return rows.stream().map(s -> new SessionSummary(s.publicId(), s.name(), s.chatPublicId(),
                chatNames.computeIfAbsent(s.chatId(), id -> chats.findById(id).map(Chat::name).orElse(null)), s.clientId(),
                s.clientExternalId(), s.clientName(), s.clientPhone(), s.messengerType(), s.messengerUserId(), s.status(),
                s.operatorUserId(), s.messageId(), s.startedAt(), s.lastActivityAt(), s.endedAt(), s.feedbackScore(),
                service.dialogResults(s))).toList();
    }
}
