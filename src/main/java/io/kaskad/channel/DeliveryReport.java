package io.kaskad.channel;

import java.time.Instant;

/**
 * A provider's later word on a message it accepted: published as an application event by
 * {@link DeliveryReports}; the message module applies it to the attempt with that provider id, or,
 * when the provider's id was never recorded (the node died before the provider's answer was stored),
 * to the attempt with Kaskad's own {@code reference}, which providers that take one send back.
 *
 * @param connectionId the company's provider connection the report came through, when known (an SMPP
 *                     bind): provider ids are unique per provider, not across providers, so it narrows the match
 */
public record DeliveryReport(Channel channel, String providerMessageId, Status status, String errorCode,
        String errorMessage, Instant at, String reference, Long connectionId) {

    /** A report that carries only the provider's id. */
    public DeliveryReport(Channel channel, String providerMessageId, Status status, String errorCode, String errorMessage, Instant at) {
        this(channel, providerMessageId, status, errorCode, errorMessage, at, null, null);
    }

    /** A report with Kaskad's reference, from a provider not tied to one connection. */
    public DeliveryReport(Channel channel, String providerMessageId, Status status, String errorCode, String errorMessage, Instant at,
            String reference) {
        this(channel, providerMessageId, status, errorCode, errorMessage, at, reference, null);
    }

    public enum Status {
        DELIVERED, READ, FAILED, NO_ACCOUNT, EXPIRED
    }
}
