package io.kaskad.channel;

import java.time.Instant;

/**
 * A provider's later word on a message it accepted: published as an application event by
 * {@link DeliveryReports}; the message module applies it to the attempt with that provider id.
 */
public record DeliveryReport(Channel channel, String providerMessageId, Status status, String errorCode,
        String errorMessage, Instant at) {

    public enum Status {
        DELIVERED, READ, FAILED, NO_ACCOUNT
    }
}
