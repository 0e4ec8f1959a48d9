package io.kaskad.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kaskad.account.CompanyService;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import io.kaskad.message.Addresses;
import tools.jackson.databind.json.JsonMapper;

import static io.kaskad.common.Strings.blankToNull;

/**
 * How sessions begin: from the widget or the sessions API (seed 003), from a send's {@code chat} channel
 * (a new session, the client's open one continued, or a text said into a given session), and from a
 * messenger's user writing in (Telegram). A start request may instead name an open session to continue.
 */
@Component
class SessionStarts {

    private final ChatRepository chats;
    private final ChatService chatService;
    private final ScenarioRepository scenarios;
    private final SessionStore sessions;
    private final DialogMessages dialog;
    private final SessionChanges changes;
    private final BotTurns bot;
    private final CompanyService companies;
    private final JsonMapper json;
    private final Clock clock;

    SessionStarts(ChatRepository chats, ChatService chatService, ScenarioRepository scenarios, SessionStore sessions, DialogMessages dialog,
            SessionChanges changes, BotTurns bot, CompanyService companies, JsonMapper json, Clock clock) {
        this.chats = chats;
        this.chatService = chatService;
        this.scenarios = scenarios;
        this.sessions = sessions;
        this.dialog = dialog;
        this.changes = changes;
        this.bot = bot;
        this.companies = companies;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Anyone holding the chat's id may start a session in it, unless the chat's company is blocked. An
     * anonymous caller cannot prove a messenger identity: the request is checked as sent, and the session
     * is a web session.
     */
    StartedSession anonymous(String chatPublicId, StartSessionRequest request) {
        Chat chat = chats.findByPublicId(chatPublicId)
            .filter(found -> !companies.isBlocked(found.companyId()))
            .orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
        check(chat.companyId(), request);
        return start(chat, request.asWebVisitor(), null, null, null);
    }

    /** With the company's API key: the request may carry a messenger identity. */
    StartedSession forCompany(long companyId, String chatPublicId, StartSessionRequest request) {
        return start(companyChat(companyId, chatPublicId), request, null, null, null);
    }

    /** A send's {@code chat} channel: the messenger user's open session continues when asked, or one starts with the send's variables. */
    String fromMessage(long companyId, String chatPublicId, StartSessionRequest request, boolean continueLast, String text,
            String messageId, Map<String, Object> variables) {
        Chat chat = companyChat(companyId, chatPublicId);
        if (continueLast && request.messengerUserId() != null) {
            Optional<ChatSession> last = sessions.lastOpen(chat.id(), SessionRules.messengerType(request), request.messengerUserId());
            if (last.isPresent()) {
                ChatSession session = sessions.lock(last.get().publicId()).orElseThrow();
                sayBot(session, text);
                return session.publicId();
            }
        }
        return start(chat, request, text, messageId, variables).id();
    }

    /** A send to one session: said there while it is open and {@code continueCurrent}, else in a new session with its client. */
    String inSession(long companyId, String sessionPublicId, boolean continueCurrent, String text, String messageId) {
        ChatSession found = sessions.find(companyId, sessionPublicId)
            .orElseThrow(() -> new NotFoundException("Chat session", sessionPublicId));
        ChatSession session = sessions.lock(found.publicId()).orElseThrow();
        if (continueCurrent && session.status().open()) {
            sayBot(session, text);
            return session.publicId();
        }
        Chat chat = companyChat(companyId, session.chatPublicId());
        return start(chat, StartSessionRequest.sameClientAs(session, scenarioAfter(session, chat)), text, messageId,
                changes.metadata(session)).id();
    }

    /**
     * The scenario a new session with an ended session's client runs: the ended one's, unless that was
     * the offline scenario it fell back to for want of an operator; operators may be on line now.
     */
    private static String scenarioAfter(ChatSession ended, Chat chat) {
        return ended.scenarioId() != null && ended.scenarioId().equals(chat.offlineScenarioId()) ? chat.scenarioId() : ended.scenarioId();
    }

    /** A messenger's user writes: to their open session in the chat, or a new one. A bare {@code /start} only starts it. */
    void fromMessenger(String chatPublicId, MessengerType messenger, String userId, String userName, String text) {
        Chat chat = chats.findByPublicId(chatPublicId).orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
        Optional<ChatSession> open = sessions.lastOpen(chat.id(), messenger.name(), userId);
        boolean command = text == null || text.isBlank() || text.strip().equals("/start");
        if (open.isPresent()) {
            if (!command) {
                bot.clientMessage(open.get().publicId(), new ClientMessageRequest(text, null, null));
            }
            return;
        }
        start(chat, StartSessionRequest.fromMessenger(messenger.name(), userId, userName, command ? null : text), null, null, null);
    }

    private StartedSession start(Chat chat, StartSessionRequest request, String openingText, String messageId,
            Map<String, Object> variables) {
        check(chat.companyId(), request);
        if (request.sessionId() != null && !request.sessionId().isBlank()) {
            return resume(chat, request);
        }
        ChatSettings settings = chatService.settings(chat);
        Instant now = clock.instant();
        String messengerType = SessionRules.messengerType(request);
        String messengerUserId = blankToNull(request.messengerUserId());
        String clientId = firstNonBlank(request.clientId(),
                messengerUserId == null ? null : sessions.knownClient(chat.id(), messengerType, messengerUserId).orElse(null),
                UUID.randomUUID().toString());
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (variables != null) {
            metadata.putAll(variables);
        }
        if (request.clientMetadata() != null) {
            metadata.putAll(request.clientMetadata());
        }
        int ttl = request.sessionTtl() == null ? settings.sessionLifetime() : request.sessionTtl();
        String publicId = UUID.randomUUID().toString();
        ChatSession.Client client = new ChatSession.Client(messengerType, messengerUserId, clientId, blankToNull(request.clientExternalId()),
                blankToNull(request.clientNameForOperator()), blankToNull(Addresses.normalizePhone(request.clientPhone())),
                blankToNull(request.clientEmail()), blankToNull(request.clientDeviceId()), request.clientTimezone());
        sessions.insert(ChatSession.opened(publicId, chat, blankToNull(request.name()), firstNonBlank(request.botId(), chat.scenarioId(), null),
                client, metadata.isEmpty() ? null : json.writeValueAsString(metadata), messageId, ttl, now,
                settings.intermediateFeedbackSeconds() == null ? null : now.plusSeconds(settings.intermediateFeedbackSeconds())));
        ChatSession session = sessions.lock(publicId).orElseThrow();
        List<DialogMessage> said = new ArrayList<>();
        if (openingText != null && !openingText.isBlank()) {
            said.add(changes.say(session, Author.BOT, openingText, List.of()));
        }
        if (!settings.answerAfterFirstMessage()) {
            session = bot.startBot(session, chat, Map.of(), said);
        }
        session = withFirstMessage(session, chat, request, said, now);
        changes.save(session, said);
        return new StartedSession(publicId, clientId, now, ttl, answers(request, said));
    }

    /** {@code sessionId} in a start request: the open session continues, with the client's message if one came. */
    private StartedSession resume(Chat chat, StartSessionRequest request) {
        ChatSession session = sessions.lock(request.sessionId().strip())
            .filter(s -> s.chatId() == chat.id())
            .orElseThrow(() -> new NotFoundException("Session", request.sessionId()));
        if (!session.status().open()) {
            throw new ConflictException("sessionId", "chat.session.closed");
        }
        List<DialogMessage> said = new ArrayList<>();
        Instant now = clock.instant();
        session = withFirstMessage(session, chat, request, said, now);
        changes.save(session.touched(now), said);
        return new StartedSession(session.publicId(), session.clientId(), session.startedAt(), session.ttl(), answers(request, said));
    }

    /** The client's message the start request carried, said and answered. */
    private ChatSession withFirstMessage(ChatSession session, Chat chat, StartSessionRequest request, List<DialogMessage> said,
            Instant now) {
        if (request.messageBody() == null || request.messageBody().isBlank()) {
            return session;
        }
        dialog.add(session, Author.CLIENT, request.messageBody().strip(), List.of(), request.messageAttachments(), null, now);
        return bot.onClientText(session, chat, request.messageBody().strip(), said, now);
    }

    /** A send's text said by the bot into a session that goes on. */
    private void sayBot(ChatSession session, String text) {
        changes.save(session.touched(clock.instant()),
                text == null || text.isBlank() ? List.of() : List.of(changes.say(session, Author.BOT, text, List.of())));
    }

    private void check(long companyId, StartSessionRequest request) {
        List<Problem> problems = SessionRules.startProblems(request,
                botId -> scenarios.findByCompanyIdAndPublicId(companyId, botId).isPresent(), json);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private Chat companyChat(long companyId, String chatPublicId) {
        return chats.findByCompanyIdAndPublicId(companyId, chatPublicId).orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
    }

    /** The bot's first messages, unless the caller takes them from the session's stream ({@code returnAnswerAsync}). */
    private static List<StartedSession.Message> answers(StartSessionRequest request, List<DialogMessage> said) {
        return Boolean.TRUE.equals(request.returnAnswerAsync()) ? List.of() : said.stream().map(StartedSession.Message::of).toList();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
