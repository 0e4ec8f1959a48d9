package io.kaskad.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat sessions, for the rest of Kaskad: one transaction per call, the work done by the parts a reader
 * looks for — {@link SessionStarts} (widget, sessions API, a send's chat channel, Telegram),
 * {@link BotTurns} (a client's text through the scenario, hand-over to operators, ratings),
 * {@link OperatorActions} ("Диалоги") and {@link SessionSweep} (lifetimes and intermediate ratings).
 *
 * <p>Every change takes the session's row lock first ({@link SessionStore#lock}). The messages a
 * change produced are published as {@link DialogMessagesSaid} after commit (Telegram delivery).
 */
@Service
public class ChatSessionService {

    private final SessionStarts starts;
    private final BotTurns bot;
    private final OperatorActions operators;
    private final SessionSweep sweep;
    private final SessionStore sessions;
    private final SessionChanges changes;

    ChatSessionService(SessionStarts starts, BotTurns bot, OperatorActions operators, SessionSweep sweep, SessionStore sessions,
            SessionChanges changes) {
        this.starts = starts;
        this.bot = bot;
        this.operators = operators;
        this.sweep = sweep;
        this.sessions = sessions;
        this.changes = changes;
    }

    /** What one change of a session said, for whoever delivers it outside Kaskad (Telegram). */
    public record DialogMessagesSaid(String sessionId, long chatId, String messengerType, String messengerUserId,
            List<DialogMessage> messages) {
    }

    /** The session API and the widget, without an API key: see {@link SessionStarts#anonymous}. */
    @Transactional
    public StartedSession start(String chatPublicId, StartSessionRequest request) {
        return starts.anonymous(chatPublicId, request);
    }

    /** The session API called with the company's API key: the request may carry a messenger identity. */
    @Transactional
    public StartedSession startForCompany(long companyId, String chatPublicId, StartSessionRequest request) {
        return starts.forCompany(companyId, chatPublicId, request);
    }

    /**
     * The send API's {@code chat} channel: continues the messenger user's open session when asked
     * (the text is said in it), or starts one whose bot gets the send's variables.
     *
     * @return the session's id, which becomes the attempt's providerMessageId
     */
    @Transactional
    public String startFromMessage(long companyId, String chatPublicId, StartSessionRequest request, boolean continueLast,
            String text, String messageId, Map<String, Object> variables) {
        return starts.fromMessage(companyId, chatPublicId, request, continueLast, text, messageId, variables);
    }

    /**
     * A send to one chat session (an advertising task row): said in that session while it is open and
     * {@code continueCurrent}, otherwise said in a new session of the same chat with the same client.
     *
     * @return the id of the session the text was said in
     */
    @Transactional
    public String sayInSession(long companyId, String sessionPublicId, boolean continueCurrent, String text, String messageId) {
        return starts.inSession(companyId, sessionPublicId, continueCurrent, text, messageId);
    }

    /** Which of {@code sessionIds} are sessions of the company, for checking a task file in batches. */
    public Set<String> existingSessions(long companyId, Collection<String> sessionIds) {
        return sessions.existing(companyId, sessionIds);
    }

    /**
     * A message from a messenger user (a Telegram update): goes to the user's open session in the chat,
     * or starts one. A bare {@code /start} (Telegram's first message) only starts the session.
     */
    @Transactional
    public void fromMessenger(String chatPublicId, MessengerType messenger, String userId, String userName, String text) {
        starts.fromMessenger(chatPublicId, messenger, userId, userName, text);
    }

    @Transactional
    public PostedMessage clientMessage(String sessionPublicId, ClientMessageRequest request) {
        return bot.clientMessage(sessionPublicId, request);
    }

    /** An operator takes the dialog from the bot (or from the queue); the client is told. */
    @Transactional
    public void takeOver(long companyId, long userId, String sessionPublicId) {
        operators.takeOver(companyId, userId, sessionPublicId);
    }

    /** An operator's answer; answering a dialog the operator does not have yet takes it over. */
    @Transactional
    public DialogMessage operatorMessage(long companyId, long userId, String sessionPublicId, String text) {
        return operators.answer(companyId, userId, sessionPublicId, text);
    }

    /** Back to the bot, which starts its scenario again keeping the results so far. */
    @Transactional
    public void handBack(long companyId, String sessionPublicId) {
        operators.handBack(companyId, sessionPublicId);
    }

    /** An operator ends the dialog; {@code result} is required when the chat asks for the dialog's result. */
    @Transactional
    public void close(long companyId, String sessionPublicId, String result) {
        operators.close(companyId, sessionPublicId, result);
    }

    /** Ends one session whose lifetime of inactivity has passed (checked again under its lock). */
    @Transactional
    public boolean expire(String sessionPublicId) {
        return sweep.expire(sessionPublicId);
    }

    /** Asks for a rating in the middle of a dialog, once, when the chat's intermediate feedback time has come. */
    @Transactional
    public void askIntermediateFeedback(String sessionPublicId) {
        sweep.askIntermediateFeedback(sessionPublicId);
    }

    public List<String> dueForExpiry(int limit) {
        return sweep.dueForExpiry(limit);
    }

    public List<String> dueForIntermediateFeedback(int limit) {
        return sweep.dueForIntermediateFeedback(limit);
    }

    /** What the dialog's scenario wrote, as seed 004's {@code dialogResultsFromBotJson}. */
    Map<String, Object> dialogResults(ChatSession session) {
        Map<String, Object> out = new LinkedHashMap<>(changes.results(session));
        List<Map<String, Object>> initial = new ArrayList<>();
        changes.metadata(session).forEach((name, value) -> initial.add(Map.of("name", name, "value", String.valueOf(value))));
        out.put("initialVariables", initial);
        return out;
    }
}
