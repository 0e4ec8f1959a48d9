package io.kaskad.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.kaskad.account.CompanyService;
import io.kaskad.channel.Channel;
import io.kaskad.channel.ConversationWindows;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;

/**
 * The bot's side of a dialog: a client's text goes to the session's scenario and its answers are said;
 * the scenario may end the dialog or hand it to operators (who may be off line or all busy); an ended
 * dialog asks the client for its result when nobody gave one and the chat wants it, then for a rating
 * when the chat wants one; the client's answers are taken as the result and the score.
 */
@Component
class BotTurns {

    /** The dialog result an operator or the client gives when the dialog ends. */
    static final String RESULT = "result";
    static final int MAX_RESULT = 255;

    private final ChatRepository chats;
    private final ChatService chatService;
    private final ScenarioRepository scenarios;
    private final SessionStore sessions;
    private final DialogMessages dialog;
    private final SessionChanges changes;
    private final ConversationWindows windows;
    private final CompanyService companies;
    private final BotTexts texts;
    private final Clock clock;
    private final int operatorCapacity;

    BotTurns(ChatRepository chats, ChatService chatService, ScenarioRepository scenarios, SessionStore sessions, DialogMessages dialog,
            SessionChanges changes, ConversationWindows windows, CompanyService companies, BotTexts texts, Clock clock,
            @Value("${kaskad.chat.operator-capacity:3}") int operatorCapacity) {
        this.chats = chats;
        this.chatService = chatService;
        this.scenarios = scenarios;
        this.sessions = sessions;
        this.dialog = dialog;
        this.changes = changes;
        this.windows = windows;
        this.companies = companies;
        this.texts = texts;
        this.clock = clock;
        this.operatorCapacity = operatorCapacity;
    }

    /** A client's message in a session (the widget, the API, a messenger): said, then answered by the bot. */
    PostedMessage clientMessage(String sessionPublicId, ClientMessageRequest request) {
        List<Problem> problems = SessionRules.clientMessageProblems(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ChatSession session = sessions.lock(sessionPublicId)
            .filter(found -> !companies.isBlocked(found.companyId()))
            .orElseThrow(() -> new NotFoundException("Session", sessionPublicId));
        Chat chat = chatOf(session);
        Instant now = clock.instant();
        if (!session.status().open() && !session.awaitingFeedback(now)) {
            throw new ConflictException("sessionId", "chat.session.closed");
        }
        List<DialogMessage> said = new ArrayList<>();
        DialogMessage posted = dialog.add(session, Author.CLIENT, request.body().strip(), List.of(), request.attachments(),
                request.replyToMessageId(), now);
        changes.save(onClientText(session, chat, request.body().strip(), said, now), said);
        return new PostedMessage(posted.id(), posted.createdAt());
    }

    /** The client said {@code text} (already in the dialog): a rating, or the scenario's next turn while the bot has the dialog. */
    ChatSession onClientText(ChatSession session, Chat chat, String text, List<DialogMessage> said, Instant now) {
        ChatSession s = session.touched(now);
        if (MessengerType.WHATSAPP.name().equals(s.messengerType()) && s.messengerUserId() != null) {
            windows.recordInbound(s.companyId(), Channel.WHATSAPP, s.messengerUserId(), now);
        }
        ChatSettings settings = chatService.settings(chat);
        if (awaitingResult(s, settings, now)) {
            return withClientsResult(s, text, settings, said, now);
        }
        if (s.awaitingFeedback(now)) {
            Integer score = rating(text, settings.feedbackScale());
            if (score != null) {
                said.add(changes.say(s, Author.BOT, texts.thanksForRating(), List.of()));
                return s.withFeedbackScore(score);
            }
        }
        if (s.status() != SessionStatus.ACTIVE) {
            return s; // an operator has the dialog, or it waits for one, or it has ended
        }
        if (s.botState() == null) {
            return startBot(s, chat, Map.of(), said);
        }
        Optional<ScenarioDefinition> scenario = changes.scenario(s);
        if (scenario.isEmpty()) {
            return s;
        }
        return afterTurn(s, chat, ScenarioEngine.reply(scenario.get(), changes.botState(s), text, changes.metadata(s)), said);
    }

    /** The bot starts its scenario, keeping earlier results; a chat without one greets and hands the dialog to operators. */
    ChatSession startBot(ChatSession session, Chat chat, Map<String, String> keptResults, List<DialogMessage> said) {
        Optional<ScenarioDefinition> scenario = changes.scenario(session);
        if (scenario.isEmpty()) {
            said.add(changes.say(session, Author.BOT, texts.greeting(), List.of()));
            return toOperators(session.withBot(session.scenarioId(),
                    changes.json(new ScenarioEngine.State(null, keptResults, false, true)), SessionStatus.WAITING_OPERATOR), chat, said);
        }
        ScenarioEngine.Turn turn = ScenarioEngine.start(scenario.get(), changes.metadata(session));
        return afterTurn(session, chat, withResults(turn, keptResults), said);
    }

    /** The dialog ends ({@code status}); the client is asked for a rating when the chat wants one. */
    ChatSession end(ChatSession session, SessionStatus status, ChatSettings settings, List<DialogMessage> said) {
        Instant now = clock.instant();
        ChatSession ended = session.ended(status, now);
        if (settings.dialogResultRequest() && !changes.results(session).containsKey(RESULT)) {
            said.add(changes.say(session, Author.BOT, texts.resultQuestion(), texts.resultAnswers()));
            return ended.withFeedbackUntil(now.plusSeconds(settings.feedbackPeriod()));
        }
        if (settings.feedbackRequest() && session.feedbackScore() == null) {
            said.add(askRating(session, settings));
            ended = ended.withFeedbackUntil(now.plusSeconds(settings.feedbackPeriod()));
        }
        return ended;
    }

    /**
     * The chat asks for the dialog's result and nobody gave it when the dialog ended: the client's next
     * message in the period after the end is the result (the rating, if the chat wants one, is asked next).
     */
    private boolean awaitingResult(ChatSession session, ChatSettings settings, Instant now) {
        return !session.status().open() && settings.dialogResultRequest() && session.feedbackUntil() != null
                && now.isBefore(session.feedbackUntil()) && !changes.results(session).containsKey(RESULT);
    }

    private ChatSession withClientsResult(ChatSession session, String text, ChatSettings settings, List<DialogMessage> said,
            Instant now) {
        ChatSession answered = withResult(session, text.length() > MAX_RESULT ? text.substring(0, MAX_RESULT) : text);
        said.add(changes.say(session, Author.BOT, texts.thanksForResult(), List.of()));
        if (settings.feedbackRequest() && session.feedbackScore() == null) {
            said.add(askRating(session, settings));
            return answered.withFeedbackUntil(now.plusSeconds(settings.feedbackPeriod()));
        }
        return answered.withFeedbackUntil(null);
    }

    /** The session with {@code result} as its dialog's result, its scenario over. */
    ChatSession withResult(ChatSession session, String result) {
        Map<String, String> results = changes.results(session);
        results.put(RESULT, result);
        return session.withBot(session.scenarioId(), changes.json(new ScenarioEngine.State(null, results, true, false)), session.status());
    }

    /** The rating question, with the scale's numbers as answers. */
    DialogMessage askRating(ChatSession session, ChatSettings settings) {
        return changes.say(session, Author.BOT, texts.ratingQuestion(settings.feedbackScale()),
                IntStream.rangeClosed(1, settings.feedbackScale()).mapToObj(Integer::toString).toList());
    }

    Chat chatOf(ChatSession session) {
        return chats.findById(session.chatId()).orElseThrow(() -> new NotFoundException("Chat", session.chatPublicId()));
    }

    private ChatSession afterTurn(ChatSession session, Chat chat, ScenarioEngine.Turn turn, List<DialogMessage> said) {
        for (int i = 0; i < turn.messages().size(); i++) {
            said.add(changes.say(session, Author.BOT, turn.messages().get(i), i == turn.messages().size() - 1 ? turn.answers() : List.of()));
        }
        ScenarioEngine.State state = turn.state();
        ChatSession s = session.withBot(session.scenarioId(), changes.json(state),
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
            if (offline != null && !offline.equals(session.scenarioId())
                    && scenarios.findByCompanyIdAndPublicId(session.companyId(), offline).isPresent()) {
                ChatSession switched = session.withBot(offline, null, SessionStatus.ACTIVE).withOperator(null, SessionStatus.ACTIVE);
                return startBot(switched, chat, changes.results(session), said);
            }
            said.add(changes.say(session, Author.BOT, texts.noOperators(), List.of()));
            return session.withOperator(null, SessionStatus.WAITING_OPERATOR);
        }
        if (loads.stream().allMatch(load -> load >= operatorCapacity)) {
            ChatSettings settings = chatService.settings(chat);
            said.add(changes.say(session, Author.BOT, settings.busyText() == null ? texts.busy() : settings.busyText(),
                    List.of()));
        }
        return session.withOperator(null, SessionStatus.WAITING_OPERATOR);
    }

    private static ScenarioEngine.Turn withResults(ScenarioEngine.Turn turn, Map<String, String> kept) {
        if (kept.isEmpty()) {
            return turn;
        }
        Map<String, String> results = new LinkedHashMap<>(kept);
        results.putAll(turn.state().results());
        ScenarioEngine.State s = turn.state();
        return new ScenarioEngine.Turn(turn.messages(), turn.answers(),
                new ScenarioEngine.State(s.step(), results, s.ended(), s.withOperator()));
    }

    /** A score of the chat's scale ({@code "4"}), or null when the text is not one. */
    private static Integer rating(String text, int scale) {
        String trimmed = text.strip();
        if (!trimmed.matches("\\d{1,2}")) {
            return null;
        }
        int score = Integer.parseInt(trimmed);
        return score >= 1 && score <= scale ? score : null;
    }
}
