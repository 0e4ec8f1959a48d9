package io.kaskad.chat;

import java.time.Instant;
import java.util.Map;

/** A chat session as the dialogs list and the statistics show it. */
public record SessionSummary(String id, String name, String chatId, String chatName, String clientId, String clientExternalId,
        String clientName, String clientPhone, String messengerType, String messengerUserId, SessionStatus status, Long operatorUserId,
        String messageId, Instant startedAt, Instant lastActivityAt, Instant endedAt, Integer feedbackScore,
        Map<String, Object> dialogResultsFromBotJson) {

    /** Who the client is, for people: the name they gave, else their phone or messenger id, else the client id. */
    /** Who the client is, as an operator knows them: name, phone or messenger id; null for an anonymous visitor. */
    public String clientLabel() {
        return clientName != null ? clientName : clientPhone != null ? clientPhone : messengerUserId;
    }

    /** The first characters of the client's id, to tell anonymous visitors apart. */
    public String clientShortId() {
        return clientId == null || clientId.length() < 8 ? clientId : clientId.substring(0, 8);
    }
}
