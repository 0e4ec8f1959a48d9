package io.kaskad.chat;

import java.time.Instant;

/**
 * A chat session row. {@code botState} is the JSON of the scenario engine's state (null until the
 * bot has started, e.g. when it answers only after the client's first message); {@code scenarioId} is
 * the scenario the bot runs (the chat's, a send's {@code botId}, or the offline scenario).
 */
record ChatSession(long id, String publicId, long companyId, long chatId, String chatPublicId, String name, String scenarioId,
        String messengerType, String messengerUserId, String clientId, String clientExternalId, String clientName,
        String clientPhone, String clientEmail, String clientDeviceId, Integer clientTimezone, String clientMetadata, String messageId,
        SessionStatus status, String botState, Long operatorUserId, int ttl, Instant startedAt, Instant lastActivityAt,
        Instant expiresAt, Instant endedAt, Instant intermediateFeedbackAt, Instant feedbackUntil, Integer feedbackScore) {

    /** Who a session is with: a messenger identity, Kaskad's client id, and what the client said of themselves. */
    record Client(String messengerType, String messengerUserId, String clientId, String externalId, String name, String phone,
            String email, String deviceId, Integer timezone) {
    }

    /**
     * A new session's row (its id is the database's): active, with no bot state yet, its lifetime of
     * inactivity ({@code ttl} seconds) running from {@code now}.
     */
    static ChatSession opened(String publicId, Chat chat, String name, String scenarioId, Client client, String clientMetadata,
            String messageId, int ttl, Instant now, Instant intermediateFeedbackAt) {
        return new ChatSession(0, publicId, chat.companyId(), chat.id(), chat.publicId(), name, scenarioId, client.messengerType(),
                client.messengerUserId(), client.clientId(), client.externalId(), client.name(), client.phone(), client.email(),
                client.deviceId(), client.timezone(), clientMetadata, messageId, SessionStatus.ACTIVE, null, null, ttl, now, now,
                now.plusSeconds(ttl), null, intermediateFeedbackAt, null, null);
    }

    /** After any message: the lifetime of inactivity starts again. */
    ChatSession touched(Instant now) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, scenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, status, botState, operatorUserId, ttl, startedAt, now, now.plusSeconds(ttl), endedAt, intermediateFeedbackAt, feedbackUntil, feedbackScore);
    }

    ChatSession withBot(String newScenarioId, String newBotState, SessionStatus newStatus) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, newScenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, newStatus, newBotState, operatorUserId, ttl, startedAt, lastActivityAt, expiresAt, endedAt, intermediateFeedbackAt, feedbackUntil, feedbackScore);
    }

    ChatSession withOperator(Long userId, SessionStatus newStatus) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, scenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, newStatus, botState, userId, ttl, startedAt, lastActivityAt, expiresAt, endedAt, intermediateFeedbackAt, feedbackUntil, feedbackScore);
    }

    ChatSession ended(SessionStatus newStatus, Instant at) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, scenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, newStatus, botState, operatorUserId, ttl, startedAt, lastActivityAt, expiresAt, at, null, feedbackUntil, feedbackScore);
    }

    ChatSession withIntermediateFeedbackAt(Instant at) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, scenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, status, botState, operatorUserId, ttl, startedAt, lastActivityAt, expiresAt, endedAt, at, feedbackUntil, feedbackScore);
    }

    ChatSession withFeedbackUntil(Instant until) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, scenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, status, botState, operatorUserId, ttl, startedAt, lastActivityAt, expiresAt, endedAt, intermediateFeedbackAt, until, feedbackScore);
    }

    ChatSession withFeedbackScore(Integer score) {
        return new ChatSession(id, publicId, companyId, chatId, chatPublicId, name, scenarioId, messengerType, messengerUserId, clientId, clientExternalId, clientName, clientPhone, clientEmail, clientDeviceId, clientTimezone, clientMetadata, messageId, status, botState, operatorUserId, ttl, startedAt, lastActivityAt, expiresAt, endedAt, intermediateFeedbackAt, null, score);
    }

    boolean awaitingFeedback(Instant now) {
        return feedbackUntil != null && feedbackScore == null && now.isBefore(feedbackUntil);
    }
}
