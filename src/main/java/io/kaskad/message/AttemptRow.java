package io.kaskad.message;

import java.time.Instant;

import io.kaskad.channel.Channel;

/**
 * A stored attempt: one channel of one message.
 *
 * @param connectionId  the company's provider connection that took it (null: a built-in adapter, or not yet sent)
 * @param providerTries how many times its providers could not take it (transient failures), for the backoff
 * @param firstTriedAt  when a provider was first tried, from which the retries' validity counts
 */
record AttemptRow(long id, long messageId, long companyId, int step, Channel channel, boolean required, AttemptStatus status,
        String address, String text, String parametersJson, Instant dueAt, String provider, String providerMessageId,
        String errorCode, String errorMessage, Instant sentAt, Instant finishedAt, Instant updatedAt, Long connectionId,
        int providerTries, Instant firstTriedAt) {

    AttemptRow withStatus(AttemptStatus newStatus, Instant newDueAt) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, newStatus, address, text, parametersJson,
                newDueAt, provider, providerMessageId, errorCode, errorMessage, sentAt, finishedAt, updatedAt, connectionId,
                providerTries, firstTriedAt);
    }

    /** No provider could take it now: tried again at {@code nextTryAt}, with why it waits. */
    AttemptRow retrying(Instant nextTryAt, Instant firstTry, String code, String message) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, AttemptStatus.QUEUED, address, text, parametersJson,
                nextTryAt, provider, providerMessageId, code, message, sentAt, finishedAt, updatedAt, connectionId, providerTries + 1,
                firstTry);
    }

    /** The connection that took (or refused) it. */
    AttemptRow through(Long newConnectionId) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, status, address, text, parametersJson, dueAt,
                provider, providerMessageId, errorCode, errorMessage, sentAt, finishedAt, updatedAt, newConnectionId, providerTries,
                firstTriedAt);
    }

    AttemptRow sent(String newProvider, String newProviderMessageId, Instant at, Instant expiresAt) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, AttemptStatus.SENT, address, text,
                parametersJson, expiresAt, newProvider, newProviderMessageId, null, null, at, null, updatedAt, connectionId, providerTries,
                firstTriedAt);
    }

    /** Handed over at {@code at}, the provider's answer lost: waits for a report until {@code expiresAt}. */
    AttemptRow sentWithUnknownOutcome(String newProvider, Instant at, Instant expiresAt) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, AttemptStatus.SENT, address, text,
                parametersJson, expiresAt, newProvider, providerMessageId, Outcomes.UNKNOWN,
                "The provider's answer was lost; waiting for its delivery report, never sent again", at, null, updatedAt, connectionId,
                providerTries, firstTriedAt);
    }

    AttemptRow finished(AttemptStatus finalStatus, String newProvider, String newProviderMessageId, String code, String message,
            Instant at) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, finalStatus, address, text, parametersJson,
                null, newProvider == null ? provider : newProvider,
                newProviderMessageId == null ? providerMessageId : newProviderMessageId, code, message,
                sentAt == null && finalStatus.isHandedToProvider() ? at : sentAt, at, updatedAt, connectionId, providerTries, firstTriedAt);
    }

    Cascade.Step cascadeStep() {
        return new Cascade.Step(step, required, status);
    }
}
