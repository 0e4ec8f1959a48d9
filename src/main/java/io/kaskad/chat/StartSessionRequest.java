package io.kaskad.chat;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/chats/v1/chats/{chatId}/sessions} (seed 003), field for field.
 * {@code sessionId} continues an existing session instead of starting one; {@code botId} runs another
 * of the company's scenarios instead of the chat's; {@code returnAnswerAsync} leaves the bot's first
 * messages out of the answer (they follow in the session's stream).
 */
public record StartSessionRequest(String name, String botId, String sessionId, Integer sessionTtl, String messengerType,
        String messengerUserId, String messageBody, List<String> messageAttachments, String clientNameForOperator, String clientId,
        String clientExternalId, String clientPhone, String clientEmail, String clientDeviceId, Integer clientTimezone,
        Map<String, Object> clientMetadata, Boolean returnAnswerAsync) {

    /** The request as an anonymous caller may make it: a web session, whatever messenger identity it claims. */
    public StartSessionRequest asWebVisitor() {
        return new StartSessionRequest(name, botId, sessionId, sessionTtl, null, null, messageBody, messageAttachments, clientNameForOperator,
                clientId, clientExternalId, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, returnAnswerAsync);
    }

    public static StartSessionRequest web() {
        return new StartSessionRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
