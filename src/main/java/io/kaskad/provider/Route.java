package io.kaskad.provider;

import java.util.function.Function;

import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;

/**
 * One way an attempt can go: a company's connection, or the installation's built-in adapter of the
 * channel ({@code connectionId} null).
 *
 * @param provider what the attempt records as its provider: the connection's type, or the adapter's name
 * @param sendRate the connection's own limit in messages per second, or null
 */
public record Route(Long connectionId, String provider, boolean reportsDelivery, Integer sendRate,
        Function<OutboundMessage, SendOutcome> sender) {

    public SendOutcome send(OutboundMessage message) {
        return sender.apply(message);
    }

    /** What tells routes apart for in-flight limits: the connection, or the built-in provider. */
    public String key() {
        return connectionId == null ? provider : "connection-" + connectionId;
    }
}
