package io.kaskad.message;

import java.time.Instant;

import io.kaskad.channel.Channel;

/** A stored attempt: one channel of one message. */
record AttemptRow(long id, long messageId, long companyId, int step, Channel channel, boolean required, AttemptStatus status,
        String address, String text, String parametersJson, Instant dueAt, String provider, String providerMessageId,
        String errorCode, String errorMessage, Instant sentAt, Instant finishedAt, Instant updatedAt) {

    AttemptRow withStatus(AttemptStatus newStatus, Instant newDueAt) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, newStatus, address, text, parametersJson,
                newDueAt, provider, providerMessageId, errorCode, errorMessage, sentAt, finishedAt, updatedAt);
    }

    AttemptRow sent(String newProvider, String newProviderMessageId, Instant at, Instant expiresAt) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, AttemptStatus.SENT, address, text,
                parametersJson, expiresAt, newProvider, newProviderMessageId, null, null, at, null, updatedAt);
    }

    /** Handed over at {@code at}, the provider's answer lost: waits for a report until {@code expiresAt}. */
    AttemptRow sentWithUnknownOutcome(String newProvider, Instant at, Instant expiresAt) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, AttemptStatus.SENT, address, text,
                parametersJson, expiresAt, newProvider, providerMessageId, Outcomes.UNKNOWN,
                "The provider's answer was lost; waiting for its delivery report, never sent again", at, null, updatedAt);
    }

    AttemptRow finished(AttemptStatus finalStatus, String newProvider, String newProviderMessageId, String code, String message,
            Instant at) {
        return new AttemptRow(id, messageId, companyId, step, channel, required, finalStatus, address, text, parametersJson,
                null, newProvider == null ? provider : newProvider,
                newProviderMessageId == null ? providerMessageId : newProviderMessageId, code, message,
                sentAt == null && finalStatus.isHandedToProvider() ? at : sentAt, at, updatedAt);
    }

    Cascade.Step cascadeStep() {
        return new Cascade.Step(step, required, status);
    }
}
