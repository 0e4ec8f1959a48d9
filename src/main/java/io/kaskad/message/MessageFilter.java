package io.kaskad.message;

import java.time.Instant;

import io.kaskad.channel.Channel;

/**
 * Which of a company's messages to list; null fields do not filter. {@code from} inclusive, {@code to}
 * exclusive, on the time the message was accepted. {@code recipient} is a phone or an e-mail address.
 */
public record MessageFilter(Instant from, Instant to, MessageStatus status, Channel channel, String bulkId, String taskId,
        String recipient) {

    public static MessageFilter none() {
        return new MessageFilter(null, null, null, null, null, null, null);
    }
}
