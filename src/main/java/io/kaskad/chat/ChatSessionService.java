package io.kaskad.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.kaskad.common.Strings.blankToNull;
import io.kaskad.common.Formats;
import io.kaskad.account.CompanyService;
import io.kaskad.channel.Channel;
import io.kaskad.channel.ConversationWindows;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import io.kaskad.message.Addresses;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat sessions: started by the widget, the sessions API, a send's {@code chat} channel or Telegram;
 * the bot answers by the session's scenario; operators take dialogs over; sessions end by the
 * scenario, an operator or their lifetime of inactivity, and then ask for a rating if the chat wants one.
 *
 * <p>Every change takes the session's row lock first ({@link SessionStore#lock}). The messages a
 * change produced are published as {@link DialogMessagesSaid} after commit (Telegram delivery).
 */
@Service
public class ChatSessionService {

    static final String GREETING = "Здравствуйте! Чем мы можем помочь?";
    static final String NO_OPERATORS = "Сейчас нет операторов на линии. Оставьте, пожалуйста, сообщение — мы ответим, как только сможем.";
    static final String OPERATOR_JOINED = "Оператор подключился к диалогу.";
    static final String THANKS_FOR_RATING = "Спасибо за оценку!";
    static final int BODY_MAX = 4096;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_ATTACHMENT_ID = 200;
    static final int MAX_METADATA_ENTRIES = 50;
    static final int MAX_METADATA_CHARS = 8_192;
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private final ChatRepository chats;
    private final ChatService chatService;
    private final ScenarioRepository scenarios;
    private final SessionStore sessions;
    private final DialogMessages dialog;
    private final ConversationWindows windows;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final int operatorCapacity;
    private final CompanyService companies;

    ChatSessionService(ChatRepository chats, ChatService chatService, ScenarioRepository scenarios, SessionStore sessions,
            DialogMessages dialog, ConversationWindows windows, ApplicationEventPublisher events, JsonMapper json, Clock clock,
            @Value("${kaskad.chat.operator-capacity:3}") int operatorCapacity, CompanyService companies) {
        this.companies = companies;
        this.chats = chats;
        this.chatService = chatService;
        this.scenarios = scenarios;
        this.sessions = sessions;
        this.dialog = dialog;
        this.windows = windows;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.operatorCapacity = operatorCapacity;
    }

    /** What one change of a session said, for whoever delivers it outside Kaskad (Telegram). */
    public record DialogMessagesSaid(String sessionId, long chatId, String messengerType, String messengerUserId,
            List<DialogMessage> messages) {
    }

    /**
     * The session API and the widget: anyone holding the chat's id may start a session in it, unless
     * the chat's company is blocked. An anonymous caller cannot prove a messenger identity: the
     * request is checked as sent, and the session is a web session.
     */
    @Transactional
    public StartedSession start(String chatPublicId, StartSessionRequest request) {
        Chat chat = chats.findByPublicId(chatPublicId)
            .filter(found -> !companies.isBlocked(found.companyId()))
            .orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
        checkStart(chat.companyId(), request);
        return start(chat, request.asWebVisitor(), null, null, null);
    }

    /** The session API called with the company's API key: the request may carry a messenger identity. */
    @Transactional
    public StartedSession startForCompany(long companyId, String chatPublicId, StartSessionRequest request) {
        Chat chat = chats.findByCompanyIdAndPublicId(companyId, chatPublicId).orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
        return start(chat, request, null, null, null);
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
        Chat chat = chats.findByCompanyIdAndPublicId(companyId, chatPublicId)
            .orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
        if (continueLast && request.messengerUserId() != null) {
            Optional<ChatSession> last = sessions.lastOpen(chat.id(), messengerType(request), request.messengerUserId());
            if (last.isPresent()) {
                ChatSession session = sessions.lock(last.get().publicId()).orElseThrow();
                List<DialogMessage> said = new ArrayList<>();
                if (text != null && !text.isBlank()) {
                    said.add(say(session, Author.BOT, text, List.of()));
                }
                save(session.touched(clock.instant()), said);
                return session.publicId();
            }
        }
        return start(chat, request, text, messageId, variables).id();
    }

    /**
     * A send to one chat session (an advertising task row): said in that session while it is open and
     * {@code continueCurrent}, otherwise said in a new session of the same chat with the same client.
     *
     * @return the id of the session the text was said in
     */
    @Transactional
    public String sayInSession(long companyId, String sessionPublicId, boolean continueCurrent, String text, String messageId) {
        ChatSession found = sessions.find(companyId, sessionPublicId)
            .orElseThrow(() -> new NotFoundException("Chat session", sessionPublicId));
        ChatSession session = sessions.lock(found.publicId()).orElseThrow();
        if (continueCurrent && session.status().open()) {
            save(session.touched(clock.instant()), text == null || text.isBlank() ? List.of() : List.of(say(session, Author.BOT, text, List.of())));
            return session.publicId();
        }
        Chat chat = chats.findByCompanyIdAndPublicId(companyId, session.chatPublicId())
            .orElseThrow(() -> new NotFoundException("Chat", session.chatPublicId()));
        StartSessionRequest sameClient = new StartSessionRequest(session.name(), session.scenarioId(), null, null, session.messengerType(),
                session.messengerUserId(), null, null, session.clientName(), session.clientId(), session.clientExternalId(),
                session.clientPhone(), session.clientEmail(), session.clientDeviceId(), session.clientTimezone(), null, true);
        return start(chat, sameClient, text, messageId, metadata(session)).id();
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
        Chat chat = chats.findByPublicId(chatPublicId).orElseThrow(() -> new NotFoundException("Chat", chatPublicId));
        Optional<ChatSession> open = sessions.lastOpen(chat.id(), messenger.name(), userId);
        boolean command = text == null || text.isBlank() || text.strip().equals("/start");
        if (open.isPresent()) {
            if (!command) {
                clientMessage(open.get().publicId(), new ClientMessageRequest(text, null, null));
            }
            return;
        }
        start(chat, new StartSessionRequest(null, null, null, null, messenger.name(), userId, command ? null : text, null, userName,
                null, null, null, null, null, null, null, true), null, null, null);
    }

    @Transactional
    public PostedMessage clientMessage(String sessionPublicId, ClientMessageRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.body() == null || request.body().isBlank()) {
            problems.add(new Problem("body", "chat.message.body.required"));
        }
        else if (request.body().length() > BODY_MAX) {
            problems.add(new Problem("body", "template.too-long", BODY_MAX));
        }
        checkAttachments("attachments", request.attachments(), problems);
        checkLength("replyToMessageId", request.replyToMessageId(), 64, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ChatSession session = sessions.lock(sessionPublicId)
            .filter(found -> !companies.isBlocked(found.companyId()))
            .orElseThrow(() -> new NotFoundException("Session", sessionPublicId));
        Chat chat = chats.findById(session.chatId()).orElseThrow(() -> new NotFoundException("Chat", session.chatPublicId()));
        Instant now = clock.instant();
        if (!session.status().open() && !session.awaitingFeedback(now)) {
            throw new ConflictException("sessionId", "chat.session.closed");
        }
        List<DialogMessage> said = new ArrayList<>();
        DialogMessage posted = dialog.add(session, Author.CLIENT, request.body().strip(), List.of(), request.attachments(),
                request.replyToMessageId(), now);
        save(onClientText(session, chat, request.body().strip(), said, now), said);
        return new PostedMessage(posted.id(), posted.createdAt());
    }

    /** An operator takes the dialog from the bot (or from the queue); the client is told. */
    @Transactional
    public void takeOver(long companyId, long userId, String sessionPublicId) {
        ChatSession session = lockOpen(companyId, sessionPublicId);
        if (session.status() == SessionStatus.OPERATOR && session.operatorUserId() != null && session.operatorUserId() == userId) {
            return;
        }
        List<DialogMessage> said = new ArrayList<>();
        said.add(say(session, Author.BOT, OPERATOR_JOINED, List.of()));
        save(session.withOperator(userId, SessionStatus.OPERATOR).touched(clock.instant()), said);
    }

    /** An operator's answer; answering a dialog the operator does not have yet takes it over. */
    @Transactional
    public DialogMessage operatorMessage(long companyId, long userId, String sessionPublicId, String text) {
        if (text == null || text.isBlank() || text.length() > BODY_MAX) {
            throw new InvalidRequestException(List.of(new Problem("text", "chat.message.body.required")));
        }
        ChatSession session = lockOpen(companyId, sessionPublicId);
        List<DialogMessage> said = new ArrayList<>();
        if (session.status() != SessionStatus.OPERATOR || session.operatorUserId() == null || session.operatorUserId() != userId) {
            said.add(say(session, Author.BOT, OPERATOR_JOINED, List.of()));
            session = session.withOperator(userId, SessionStatus.OPERATOR);
        }
        DialogMessage answer = say(session, Author.OPERATOR, text.strip(), List.of());
        said.add(answer);
        save(session.touched(clock.instant()), said);
        return answer;
    }

    /** Back to the bot, which starts its scenario again keeping the results so far. */
    @Transactional
    public void handBack(long companyId, String sessionPublicId) {
        ChatSession session = lockOpen(companyId, sessionPublicId);
        Chat chat = chats.findById(session.chatId()).orElseThrow(() -> new NotFoundException("Chat", session.chatPublicId()));
        List<DialogMessage> said = new ArrayList<>();
        ChatSession back = session.withOperator(null, SessionStatus.ACTIVE);
        save(startBot(back, chat, results(session), said), said);
    }

    /** An operator ends the dialog; {@code result} is required when the chat asks for the dialog's result. */
    @Transactional
    public void close(long companyId, String sessionPublicId, String result) {
        ChatSession session = lockOpen(companyId, sessionPublicId);
        Chat chat = chats.findById(session.chatId()).orElseThrow(() -> new NotFoundException("Chat", session.chatPublicId()));
        ChatSettings settings = chatService.settings(chat);
        if (settings.dialogResultRequest() && (result == null || result.isBlank())) {
            throw new InvalidRequestException(List.of(new Problem("result", "chat.dialog.result.required")));
        }
        ChatSession closing = session;
        if (result != null && !result.isBlank()) {
            Map<String, String> results = results(session);
            results.put("result", result.strip());
            closing = session.withBot(session.scenarioId(), stateJson(new ScenarioEngine.State(null, results, true, false)),
                    session.status());
        }
        List<DialogMessage> said = new ArrayList<>();
        save(end(closing, SessionStatus.CLOSED, settings, said), said);
    }

    /** Ends one session whose lifetime of inactivity has passed (checked again under its lock). */
    @Transactional
    public boolean expire(String sessionPublicId) {
        ChatSession session = sessions.lock(sessionPublicId).orElse(null);
        Instant now = clock.instant();
        if (session == null || !session.status().open() || session.expiresAt().isAfter(now)) {
            return false;
        }
        ChatSettings settings = chats.findById(session.chatId()).map(chatService::settings).orElse(null);
        List<DialogMessage> said = new ArrayList<>();
        save(settings == null ? session.ended(SessionStatus.EXPIRED, now) : end(session, SessionStatus.EXPIRED, settings, said), said);
        return true;
    }

    /** Asks for a rating in the middle of a dialog, once, when the chat's intermediate feedback time has come. */
    @Transactional
    public void askIntermediateFeedback(String sessionPublicId) {
        ChatSession session = sessions.lock(sessionPublicId).orElse(null);
        Instant now = clock.instant();
        if (session == null || !session.status().open() || session.intermediateFeedbackAt() == null
                || session.intermediateFeedbackAt().isAfter(now)) {
            return;
        }
        ChatSettings settings = chats.findById(session.chatId()).map(chatService::settings).orElse(null);
        List<DialogMessage> said = new ArrayList<>();
        ChatSession asked = session.withIntermediateFeedbackAt(null);
        if (settings != null) {
            said.add(say(session, Author.BOT, ratingQuestion(settings), ratingAnswers(settings)));
            asked = asked.withFeedbackUntil(now.plusSeconds(settings.feedbackPeriod()));
        }
        save(asked, said);
    }

    public List<String> dueForExpiry(int limit) {
        return sessions.dueForExpiry(clock.instant(), limit);
    }

    public List<String> dueForIntermediateFeedback(int limit) {
        return sessions.dueForIntermediateFeedback(clock.instant(), limit);
    }

    /** What the dialog's scenario wrote, as seed 004's {@code dialogResultsFromBotJson}. */
    Map<String, Object> dialogResults(ChatSession session) {
        Map<String, Object> out = new LinkedHashMap<>(results(session));
        List<Map<String, Object>> initial = new ArrayList<>();
        metadata(session).forEach((name, value) -> initial.add(Map.of("name", name, "value", String.valueOf(value))));
        out.put("initialVariables", initial);
        return out;
    }

    // --- the dialog itself

    private StartedSession start(Chat chat, StartSessionRequest request, String openingText, String messageId,
            Map<String, Object> variables) {
        checkStart(chat.companyId(), request);
        if (request.sessionId() != null && !request.sessionId().isBlank()) {
            return resume(chat, request);
        }
        ChatSettings settings = chatService.settings(chat);
        Instant now = clock.instant();
        String messengerType = messengerType(request);
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
        sessions.insert(new ChatSession(0, publicId, chat.companyId(), chat.id(), chat.publicId(), blankToNull(request.name()),
                firstNonBlank(request.botId(), chat.scenarioId(), null), messengerType, messengerUserId, clientId,
                blankToNull(request.clientExternalId()), blankToNull(request.clientNameForOperator()), blankToNull(Addresses.normalizePhone(request.clientPhone())),
                blankToNull(request.clientEmail()), blankToNull(request.clientDeviceId()), request.clientTimezone(),
                metadata.isEmpty() ? null : json.writeValueAsString(metadata), messageId, SessionStatus.ACTIVE, null, null, ttl, now, now,
                now.plusSeconds(ttl), null,
                settings.intermediateFeedbackSeconds() == null ? null : now.plusSeconds(settings.intermediateFeedbackSeconds()), null,
                null));
        ChatSession session = sessions.lock(publicId).orElseThrow();
        List<DialogMessage> said = new ArrayList<>();
        if (openingText != null && !openingText.isBlank()) {
            said.add(say(session, Author.BOT, openingText, List.of()));
        }
        if (!settings.answerAfterFirstMessage()) {
            session = startBot(session, chat, Map.of(), said);
        }
        if (request.messageBody() != null && !request.messageBody().isBlank()) {
            dialog.add(session, Author.CLIENT, request.messageBody().strip(), List.of(), request.messageAttachments(), null, now);
            session = onClientText(session, chat, request.messageBody().strip(), said, now);
        }
        save(session, said);
        return new StartedSession(publicId, clientId, now, ttl, Boolean.TRUE.equals(request.returnAnswerAsync()) ? List.of()
                : said.stream().map(StartedSession.Message::of).toList());
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
        if (request.messageBody() != null && !request.messageBody().isBlank()) {
            dialog.add(session, Author.CLIENT, request.messageBody().strip(), List.of(), request.messageAttachments(), null, now);
            session = onClientText(session, chat, request.messageBody().strip(), said, now);
        }
        save(session.touched(now), said);
        return new StartedSession(session.publicId(), session.clientId(), session.startedAt(), session.ttl(),
                Boolean.TRUE.equals(request.returnAnswerAsync()) ? List.of() : said.stream().map(StartedSession.Message::of).toList());
    }

    private ChatSession onClientText(ChatSession session, Chat chat, String text, List<DialogMessage> said, Instant now) {
        ChatSession s = session.touched(now);
        if (MessengerType.WHATSAPP.name().equals(s.messengerType()) && s.messengerUserId() != null) {
            windows.recordInbound(s.companyId(), Channel.WHATSAPP, s.messengerUserId(), now);
        }
        ChatSettings settings = chatService.settings(chat);
        if (s.awaitingFeedback(now)) {
            Integer score = rating(text, settings.feedbackScale());
            if (score != null) {
                said.add(say(s, Author.BOT, THANKS_FOR_RATING, List.of()));
                return s.withFeedbackScore(score);
            }
        }
        if (s.status() != SessionStatus.ACTIVE) {
            return s; // an operator has the dialog, or it waits for one, or it has ended
        }
        if (s.botState() == null) {
            return startBot(s, chat, Map.of(), said);
        }
        Optional<ScenarioDefinition> scenario = definition(s);
        if (scenario.isEmpty()) {
            return s;
        }
        ScenarioEngine.State state = json.readValue(s.botState(), ScenarioEngine.State.class);
        return afterTurn(s, chat, ScenarioEngine.reply(scenario.get(), state, text, metadata(s)), said);
    }

    /** The bot starts its scenario; a chat without one greets and hands the dialog to operators. */
    private ChatSession startBot(ChatSession session, Chat chat, Map<String, String> keptResults, List<DialogMessage> said) {
        Optional<ScenarioDefinition> scenario = definition(session);
        if (scenario.isEmpty()) {
            said.add(say(session, Author.BOT, GREETING, List.of()));
            return toOperators(session.withBot(session.scenarioId(), stateJson(new ScenarioEngine.State(null, keptResults, false, true)),
                    SessionStatus.WAITING_OPERATOR), chat, said);
        }
        ScenarioEngine.Turn turn = ScenarioEngine.start(scenario.get(), metadata(session));
        return afterTurn(session, chat, withResults(turn, keptResults), said);
    }

    private ChatSession afterTurn(ChatSession session, Chat chat, ScenarioEngine.Turn turn, List<DialogMessage> said) {
        for (int i = 0; i < turn.messages().size(); i++) {
            said.add(say(session, Author.BOT, turn.messages().get(i), i == turn.messages().size() - 1 ? turn.answers() : List.of()));
        }
        ScenarioEngine.State state = turn.state();
        ChatSession s = session.withBot(session.scenarioId(), stateJson(state),
                state.withOperator() ? SessionStatus.WAITING_OPERATOR : session.status());
        if (state.ended()) {
            return end(s, SessionStatus.CLOSED, chatService.settings(chat), said);
        }
        return state.withOperator() ? toOperators(s, chat, said) : s;
    }

    /**
     * The scenario hands the dialog over. With nobody on line the offline scenario runs (or the client is
     * told to leave a message); with everybody at capacity the chat's busy text is said; the dialog then
     * waits in "Диалоги" for an operator to take it.
     */
    private ChatSession toOperators(ChatSession session, Chat chat, List<DialogMessage> said) {
        List<Long> loads = sessions.operatorLoads(session.companyId(), clock.instant());
        if (loads.isEmpty()) {
            String offline = chat.offlineScenarioId();
            if (offline != null && !offline.equals(session.scenarioId()) && scenarios.findByCompanyIdAndPublicId(session.companyId(), offline).isPresent()) {
                ChatSession switched = session.withBot(offline, null, SessionStatus.ACTIVE).withOperator(null, SessionStatus.ACTIVE);
                return startBot(switched, chat, results(session), said);
            }
            said.add(say(session, Author.BOT, NO_OPERATORS, List.of()));
            return session.withOperator(null, SessionStatus.WAITING_OPERATOR);
        }
        if (loads.stream().allMatch(load -> load >= operatorCapacity)) {
            ChatSettings settings = chatService.settings(chat);
            said.add(say(session, Author.BOT, settings.busyText() == null ? ChatSettings.DEFAULT_BUSY_TEXT : settings.busyText(), List.of()));
        }
        return session.withOperator(null, SessionStatus.WAITING_OPERATOR);
    }

    private ChatSession end(ChatSession session, SessionStatus status, ChatSettings settings, List<DialogMessage> said) {
        Instant now = clock.instant();
        ChatSession ended = session.ended(status, now);
        if (settings.feedbackRequest() && session.feedbackScore() == null) {
            said.add(say(session, Author.BOT, ratingQuestion(settings), ratingAnswers(settings)));
            ended = ended.withFeedbackUntil(now.plusSeconds(settings.feedbackPeriod()));
        }
        return ended;
    }

    private DialogMessage say(ChatSession session, Author author, String body, List<String> answers) {
        return dialog.add(session, author, body, answers, null, null, clock.instant());
    }

    private void save(ChatSession session, List<DialogMessage> said) {
        sessions.update(session);
        if (!said.isEmpty()) {
            events.publishEvent(new DialogMessagesSaid(session.publicId(), session.chatId(), session.messengerType(),
                    session.messengerUserId(), List.copyOf(said)));
        }
    }

    private ChatSession lockOpen(long companyId, String sessionPublicId) {
        ChatSession session = sessions.lock(sessionPublicId).filter(s -> s.companyId() == companyId)
            .orElseThrow(() -> new NotFoundException("Session", sessionPublicId));
        if (!session.status().open()) {
            throw new ConflictException("sessionId", "chat.session.closed");
        }
        return session;
    }

    private Optional<ScenarioDefinition> definition(ChatSession session) {
        if (session.scenarioId() == null) {
            return Optional.empty();
        }
        return scenarios.findByCompanyIdAndPublicId(session.companyId(), session.scenarioId())
            .map(scenario -> json.readValue(scenario.definition(), ScenarioDefinition.class));
    }

    Map<String, String> results(ChatSession session) {
        if (session.botState() == null) {
            return new LinkedHashMap<>();
        }
        return new LinkedHashMap<>(json.readValue(session.botState(), ScenarioEngine.State.class).results());
    }

    Map<String, Object> metadata(ChatSession session) {
        return session.clientMetadata() == null ? Map.of() : json.readValue(session.clientMetadata(), OBJECT_MAP);
    }

    private static ScenarioEngine.Turn withResults(ScenarioEngine.Turn turn, Map<String, String> kept) {
        if (kept.isEmpty()) {
            return turn;
        }
        Map<String, String> results = new LinkedHashMap<>(kept);
        results.putAll(turn.state().results());
        ScenarioEngine.State s = turn.state();
        return new ScenarioEngine.Turn(turn.messages(), turn.answers(), new ScenarioEngine.State(s.step(), results, s.ended(), s.withOperator()));
    }

    private String stateJson(ScenarioEngine.State state) {
        return json.writeValueAsString(state);
    }

    private static String ratingQuestion(ChatSettings settings) {
        return "Пожалуйста, оцените наш диалог от 1 до " + settings.feedbackScale() + ".";
    }

    private static List<String> ratingAnswers(ChatSettings settings) {
        return IntStream.rangeClosed(1, settings.feedbackScale()).mapToObj(Integer::toString).toList();
    }

    private static Integer rating(String text, int scale) {
        String trimmed = text.strip();
        if (!trimmed.matches("\\d{1,2}")) {
            return null;
        }
        int score = Integer.parseInt(trimmed);
        return score >= 1 && score <= scale ? score : null;
    }

    private void checkStart(long companyId, StartSessionRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.sessionTtl() != null && (request.sessionTtl() < 1 || request.sessionTtl() > ChatSettings.MAX_SESSION_LIFETIME)) {
            problems.add(new Problem("sessionTtl", "chat.session-ttl.range", ChatSettings.MAX_SESSION_LIFETIME));
        }
        if (request.messengerType() != null && !request.messengerType().isBlank()) {
            try {
                MessengerType.valueOf(request.messengerType().strip().toUpperCase(java.util.Locale.ROOT));
            }
            catch (IllegalArgumentException unknown) {
                problems.add(new Problem("messengerType", "chat.messenger-type.unknown", request.messengerType(),
                        java.util.Arrays.toString(MessengerType.values())));
            }
        }
        if (request.botId() != null && !request.botId().isBlank()
                && scenarios.findByCompanyIdAndPublicId(companyId, request.botId().strip()).isEmpty()) {
            problems.add(new Problem("botId", "chat.scenario.unknown", request.botId()));
        }
        if (request.clientId() != null && !request.clientId().isBlank()) {
            try {
                UUID.fromString(request.clientId().strip());
            }
            catch (IllegalArgumentException notUuid) {
                problems.add(new Problem("clientId", "chat.client-id.format"));
            }
        }
        if (request.clientEmail() != null && !request.clientEmail().isBlank()
                && !Formats.EMAIL.matcher(request.clientEmail().strip()).matches()) {
            problems.add(new Problem("clientEmail", "message.destination.email.invalid", request.clientEmail()));
        }
        // the one phone rule of the API, the portal and task files: decoration removed, then 10–18 digits
        if (request.clientPhone() != null && !request.clientPhone().isBlank()
                && !Formats.PHONE.matcher(Addresses.normalizePhone(request.clientPhone().strip())).matches()) {
            problems.add(new Problem("clientPhone", "message.destination.phone.invalid", request.clientPhone()));
        }
        if (request.clientTimezone() != null && (request.clientTimezone() < -720 || request.clientTimezone() > 840)) {
            problems.add(new Problem("clientTimezone", "chat.client-timezone.range"));
        }
        if (request.name() != null && request.name().length() > 200) {
            problems.add(new Problem("name", "template.too-long", 200));
        }
        if (request.messageBody() != null && request.messageBody().length() > BODY_MAX) {
            problems.add(new Problem("messageBody", "template.too-long", BODY_MAX));
        }
        // every column's length is a rule: anonymous callers reach this
        checkLength("clientNameForOperator", request.clientNameForOperator(), 200, problems);
        checkLength("clientExternalId", request.clientExternalId(), 128, problems);
        checkLength("clientDeviceId", request.clientDeviceId(), 256, problems);
        checkLength("messengerUserId", request.messengerUserId(), 128, problems);
        checkLength("clientPhone", request.clientPhone(), 32, problems);
        checkLength("clientEmail", request.clientEmail(), 254, problems);
        checkAttachments("messageAttachments", request.messageAttachments(), problems);
        if (request.clientMetadata() != null && (request.clientMetadata().size() > MAX_METADATA_ENTRIES
                || json.writeValueAsString(request.clientMetadata()).length() > MAX_METADATA_CHARS)) {
            problems.add(new Problem("clientMetadata", "chat.metadata.too-large", MAX_METADATA_ENTRIES, MAX_METADATA_CHARS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void checkLength(String field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "template.too-long", max));
        }
    }

    /** At most {@link #MAX_ATTACHMENTS} attachment ids, each at most {@link #MAX_ATTACHMENT_ID} characters. */
    private static void checkAttachments(String field, List<String> attachments, List<Problem> problems) {
        if (attachments == null) {
            return;
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(new Problem(field, "chat.attachments.max", MAX_ATTACHMENTS));
        }
        else if (attachments.stream().anyMatch(id -> id == null || id.length() > MAX_ATTACHMENT_ID)) {
            problems.add(new Problem(field, "chat.attachment.id", MAX_ATTACHMENT_ID));
        }
    }

    private static String messengerType(StartSessionRequest request) {
        return request.messengerType() == null || request.messengerType().isBlank() ? MessengerType.WEB.name()
                : request.messengerType().strip().toUpperCase(java.util.Locale.ROOT);
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
