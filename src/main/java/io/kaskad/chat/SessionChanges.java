package io.kaskad.chat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.kaskad.chat.ChatSessionService.DialogMessagesSaid;
import io.kaskad.common.ConflictException;
import io.kaskad.common.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every change of a session shares: what it says (dialog messages), its new row, published as
 * {@link DialogMessagesSaid} after commit (Telegram delivery), and the session's JSON columns read back:
 * the bot's state and results, the client's metadata.
 */
@Component
class SessionChanges {

    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private final SessionStore sessions;
    private final DialogMessages dialog;
    private final ScenarioRepository scenarios;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    SessionChanges(SessionStore sessions, DialogMessages dialog, ScenarioRepository scenarios, ApplicationEventPublisher events,
            JsonMapper json, Clock clock) {
        this.sessions = sessions;
        this.dialog = dialog;
        this.scenarios = scenarios;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Adds a message of the bot or an operator to the dialog, now. */
    DialogMessage say(ChatSession session, Author author, String body, List<String> answers) {
        return dialog.add(session, author, body, answers, null, null, clock.instant());
    }

    /** Stores the session's new row; what the change said goes to the session's messenger after commit. */
    void save(ChatSession session, List<DialogMessage> said) {
        sessions.update(session);
        if (!said.isEmpty()) {
            events.publishEvent(new DialogMessagesSaid(session.publicId(), session.chatId(), session.messengerType(),
                    session.messengerUserId(), List.copyOf(said)));
        }
    }

    /** The company's open session, locked for a change; not found for another company's, a conflict once it has ended. */
    ChatSession lockOpen(long companyId, String sessionPublicId) {
        ChatSession session = sessions.lock(sessionPublicId)
            .filter(s -> s.companyId() == companyId)
            .orElseThrow(() -> new NotFoundException("Session", sessionPublicId));
        if (!session.status().open()) {
            throw new ConflictException("sessionId", "chat.session.closed");
        }
        return session;
    }

    /** The scenario the session's bot runs, if it still exists. */
    Optional<ScenarioDefinition> scenario(ChatSession session) {
        if (session.scenarioId() == null) {
            return Optional.empty();
        }
        return scenarios.findByCompanyIdAndPublicId(session.companyId(), session.scenarioId())
            .map(scenario -> json.readValue(scenario.definition(), ScenarioDefinition.class));
    }

    ScenarioEngine.State botState(ChatSession session) {
        return json.readValue(session.botState(), ScenarioEngine.State.class);
    }

    String json(ScenarioEngine.State state) {
        return json.writeValueAsString(state);
    }

    /** What the scenario has written so far (a copy, to change). */
    Map<String, String> results(ChatSession session) {
        return session.botState() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(botState(session).results());
    }

    /** The client's metadata and the send's variables the session started with. */
    Map<String, Object> metadata(ChatSession session) {
        return session.clientMetadata() == null ? Map.of() : json.readValue(session.clientMetadata(), OBJECT_MAP);
    }
}
