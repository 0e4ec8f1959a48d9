package io.kaskad.chat.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.kaskad.account.ApiClient;
import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.chat.ChatSessionService;
import io.kaskad.chat.ClientMessageRequest;
import io.kaskad.chat.DialogMessage;
import io.kaskad.chat.PostedMessage;
import io.kaskad.chat.StartSessionRequest;
import io.kaskad.chat.StartedSession;
import io.kaskad.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The chat-session API of seed 003. Like the seed's, it needs no API key: the widget calls it from
 * the visitor's browser. The chat's id lets anyone start a session; the session's id (random, only
 * ever given to that session's client) is what lets one write to and read that session.
 * <p>
 * Anyone may claim to be any Telegram or WhatsApp user, so an anonymous start is always a web
 * session: its messenger identity is dropped, it is never joined by that messenger's traffic, never
 * chosen by a send to that user, opens no WhatsApp window, and nothing said in it goes out to a
 * messenger. A client system that knows its users' messenger identities presents the company's API
 * key ({@code Authorization: Bearer}) and its sessions keep them.
 */
@Tag(name = "Чат-сессии", description = "Сессии чатов: начать, писать, читать и получать новые сообщения (SSE); ключ не нужен")
@RestController
// the widget's API: open to a chat's visitors, a company key optional (see SecurityConfig.publicChatSecurity)
@SecurityRequirements
class SessionApiController {

    /** Seed 003's start request, field for field. */
    static final String START_SESSION = """
            {"name": "Заказ 1042", "sessionTtl": 3600, "messengerType": "WEB", "messageBody": "Здравствуйте! Где мой заказ?",
             "clientNameForOperator": "Анна", "clientPhone": "75555673245", "clientEmail": "anna@example.com", "clientTimezone": 300,
             "clientMetadata": {"orderId": "1042"}, "returnAnswerAsync": false}""";

    private final ChatSessionService sessions;
    private final ChatSessionQueries queries;
    private final SessionStreams streams;
    private final PublicChatLimits limits;

    SessionApiController(ChatSessionService sessions, ChatSessionQueries queries, SessionStreams streams, PublicChatLimits limits) {
        this.limits = limits;
        this.sessions = sessions;
        this.queries = queries;
        this.streams = streams;
    }

    @PostMapping("/api/chats/v1/chats/{chatId}/sessions")
    @Operation(summary = "Start a chat session",
            description = "Open to the chat's visitors (no key): a web session. With the company's API key the request may "
                    + "carry a messenger identity. `sessionId` continues an open session instead.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
            schema = @Schema(implementation = StartSessionRequest.class), examples = @ExampleObject(name = "A visitor of the website", value = START_SESSION)))
    @ResponseStatus(HttpStatus.CREATED)
    StartedSession start(@AuthenticationPrincipal ApiClient client, @PathVariable String chatId,
            @RequestBody(required = false) StartSessionRequest request, HttpServletRequest http) {
        if (client == null) {
            limits.sessionStart(http.getRemoteAddr(), chatId);
        }
        StartSessionRequest body = request == null ? StartSessionRequest.web() : request;
        return client == null ? sessions.start(chatId, body) : sessions.startForCompany(client.companyId(), chatId, body);
    }

    @PostMapping("/api/v1/sessions/{sessionId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    PostedMessage post(@AuthenticationPrincipal ApiClient client, @PathVariable String sessionId, @RequestBody ClientMessageRequest request,
            HttpServletRequest http) {
        // only a company's own key lifts the visitor's brakes, and only on its own sessions
        if (client == null || !queries.isCompanys(client.companyId(), sessionId)) {
            limits.clientMessage(http.getRemoteAddr(), queries.publicChatOf(sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId)));
        }
        return sessions.clientMessage(sessionId, request);
    }

    /** The session's messages, oldest first; {@code after} is the {@code seq} of the last one already shown. */
    @GetMapping("/api/v1/sessions/{sessionId}/messages")
    List<DialogMessage> messages(@PathVariable String sessionId, @RequestParam(defaultValue = "0") long after) {
        return queries.publicTranscript(sessionId, after).orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    /**
     * Server push (SSE): each new message of the session as a {@code message} event, and the session's
     * status as a {@code status} event when it changes. The browser's EventSource reconnects by itself.
     */
    @GetMapping(path = "/api/v1/sessions/{sessionId}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable String sessionId, @RequestParam(defaultValue = "0") long after, HttpServletRequest http) {
        queries.publicStatus(sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId));
        return streams.open(sessionId, after, limits.openStream(http.getRemoteAddr()));
    }
}
