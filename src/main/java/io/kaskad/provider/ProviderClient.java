package io.kaskad.provider;

import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;

/**
 * Speaks one provider type's protocol for any number of connections: sends, and checks a connection
 * by a real round trip. Must not throw for a provider's refusal or a network failure: it classifies
 * them ({@link SendOutcome}: the recipient's, the message's, transient, or unknown after a timeout).
 */
public interface ProviderClient {

    ProviderType type();

    /** Whether the provider reports delivery later (SMPP receipts) or acceptance is all there is (SMTP). */
    boolean reportsDelivery();

    SendOutcome send(ConnectionDetails connection, OutboundMessage message);

    CheckResult check(ConnectionDetails connection);

    /** A connection changed or was deleted: drop what is held open for it (an SMPP bind). */
    default void forget(long connectionId) {
    }

    /**
     * @param problem what failed, as a message code {@code provider.check.<problem>} (unknown-host,
     *                refused, timeout, tls, auth, private-network, rejected), null when the round trip worked
     * @param detail  the server's own words or the host, shown beside the explanation
     */
    record CheckResult(boolean ok, String problem, String detail) {

        public static CheckResult passed(String detail) {
            return new CheckResult(true, null, detail);
        }

        public static CheckResult failed(String problem, String detail) {
            return new CheckResult(false, problem, detail);
        }
    }
}
