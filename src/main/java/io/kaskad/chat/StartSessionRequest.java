package io.kaskad.chat;

import java.util.List;
import java.util.Map;

import io.kaskad.common.TextOrWholeNumber;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /api/chats/v1/chats/{chatId}/sessions} (seed 003), field for field.
 * {@code sessionId} continues an existing session instead of starting one; {@code botId} runs another
 * of the company's scenarios instead of the chat's; {@code returnAnswerAsync} leaves the bot's first
 * messages out of the answer (they follow in the session's stream). {@code clientPhone} may be written as a number,
 * as the seed's example writes it.
 */
public record StartSessionRequest(String name, String botId, String sessionId, Integer sessionTtl, String messengerType,
        String messengerUserId, String messageBody, List<String> messageAttachments, String clientNameForOperator, String clientId,
        String clientExternalId, @JsonDeserialize(using = TextOrWholeNumber.class) String clientPhone, String clientEmail,
        String clientDeviceId, Integer clientTimezone, Map<String, Object> clientMetadata, Boolean returnAnswerAsync) {

    /** The request as an anonymous caller may make it: a web session, whatever messenger identity it claims. */
    public StartSessionRequest asWebVisitor() {
        return new StartSessionRequest(name, botId, sessionId, sessionTtl, null, null, messageBody, messageAttachments, clientNameForOperator,
                clientId, clientExternalId, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, returnAnswerAsync);
    }

    /** A messenger's user writing to a chat (a Telegram update); {@code messageBody} is their first message, if any. */
    public static StartSessionRequest fromMessenger(String messengerType, String messengerUserId, String userName, String messageBody) {
        return new StartSessionRequest(null, null, null, null, messengerType, messengerUserId, messageBody, null, userName, null, null, null,
                null, null, null, null, true);
    }

    /** A session started by a send's chat channel, with the destination's contacts. */
    public static StartSessionRequest forSend(String name, String botId, String messengerType, String messengerUserId, String phone,
            String email, String deviceId) {
        return new StartSessionRequest(name, botId, null, null, messengerType, messengerUserId, null, null, null, null, null, phone, email,
                deviceId, null, null, true);
    }

    /** A new session with the client of {@code session}, running {@code scenarioId}. */
    static StartSessionRequest sameClientAs(ChatSession session, String scenarioId) {
        return new StartSessionRequest(session.name(), scenarioId, null, null, session.messengerType(), session.messengerUserId(),
                null, null, session.clientName(), session.clientId(), session.clientExternalId(), session.clientPhone(), session.clientEmail(),
                session.clientDeviceId(), session.clientTimezone(), null, true);
    }

    public static StartSessionRequest web() {
        return new StartSessionRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
