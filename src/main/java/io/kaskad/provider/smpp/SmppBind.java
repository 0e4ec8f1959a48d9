package io.kaskad.provider.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;
import io.kaskad.common.LogSafe;
import io.kaskad.provider.ConnectionDetails;
import io.kaskad.provider.ProviderClient.CheckResult;
import io.kaskad.provider.ProviderNetwork;

/**
 * One node's bind to one SMSC connection: bound on first use, kept alive with {@code enquire_link},
 * rebound after a loss with a backoff (1 s doubling to 1 min, during which sends answer "transient"
 * at once), and at most {@code window} {@code submit_sm} outstanding at a time.
 */
final class SmppBind {

    private static final Logger log = LoggerFactory.getLogger(SmppBind.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);

    private final ConnectionDetails connection;
    private final ProviderNetwork network;
    private final Receipts receipts;
    private final Clock clock;
    private final Semaphore window;
    private SMPPSession session;
    private Instant nextBindAt = Instant.MIN;
    private Duration backoff = FIRST_BACKOFF;
    private String lastBindProblem;
    private volatile boolean closed;

    SmppBind(ConnectionDetails connection, ProviderNetwork network, Receipts receipts, Clock clock) {
        this.connection = connection;
        this.network = network;
        this.receipts = receipts;
        this.clock = clock;
        this.window = new Semaphore(connection.number("window"), true);
    }

    boolean sameAs(ConnectionDetails other) {
        return connection.updatedAt().equals(other.updatedAt());
    }

    SendOutcome submit(OutboundMessage message) {
        SMPPSession bound;
        try {
            bound = bound();
        }
        catch (BindFailed e) {
            return SendOutcome.transientFailure("BIND_FAILED", e.getMessage());
        }
        SmsParts sms = SmsParts.of(message.text());
        long timeout = connection.number("timeoutSeconds") * 1000L;
        try {
            if (!window.tryAcquire(timeout, TimeUnit.MILLISECONDS)) {
                return SendOutcome.transientFailure("WINDOW_FULL",
                        "All " + connection.number("window") + " submit_sm of the bind are outstanding");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.transientFailure("INTERRUPTED", "The node is stopping");
        }
        try {
            String lastId = null;
            for (int part = 0; part < sms.parts().size(); part++) {
                boolean last = part == sms.parts().size() - 1;
                try {
                    lastId = submitPart(bound, message, sms, part, last);
                }
                catch (NegativeResponseException | PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
                    if (e instanceof IOException) {
                        broken(bound);
                    }
                    if (part > 0) {
                        // earlier parts are with the SMSC: sending again would repeat them on the phone
                        return SendOutcome.failed("PARTIAL_SEND", "Only " + part + " of " + sms.parts().size()
                                + " parts were taken by the SMS centre: " + e.getMessage());
                    }
                    return e instanceof NegativeResponseException negative ? SmppClient.refused(negative) : SmppClient.lost(e);
                }
            }
            // only the last part asks for a receipt, so its id stands for the whole text
            return SendOutcome.accepted(lastId);
        }
        finally {
            window.release();
        }
    }

    private String submitPart(SMPPSession bound, OutboundMessage message, SmsParts sms, int part, boolean last)
            throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        ESMClass esm = sms.multipart() ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI) : new ESMClass();
        // data_coding 0x08 (UCS-2) or 0x00 (the SMSC's default alphabet, GSM-7), without a message class
        DataCoding coding = DataCodings.newInstance(sms.ucs2() ? (byte) 0x08 : (byte) 0x00);
        RegisteredDelivery receipt = new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        return bound.submitShortMessage("", TypeOfNumber.valueOf((byte) connection.number("sourceTon")),
                NumberingPlanIndicator.valueOf((byte) connection.number("sourceNpi")), connection.setting("sourceAddress"),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.address().replaceFirst("^\\+", ""), esm, (byte) 0,
                (byte) 1, null, null, receipt, (byte) 0, coding, (byte) 0, sms.parts().get(part))
            .getMessageId();
    }

    private synchronized SMPPSession bound() throws BindFailed {
        if (closed) {
            throw new BindFailed("The connection was changed or removed");
        }
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextBindAt)) {
            throw new BindFailed("Binding again after " + lastBindProblem + " at " + nextBindAt);
        }
        SMPPSession fresh = new SMPPSession();
        try {
            if (!network.allowed(connection.setting("host"))) {
                throw new IOException("the host is on a private network, which this installation refuses");
            }
            fresh.setEnquireLinkTimer(connection.number("enquireLinkSeconds") * 1000);
            fresh.setTransactionTimer(connection.number("timeoutSeconds") * 1000L);
            fresh.setMessageReceiverListener(receipts);
            fresh.connectAndBind(connection.setting("host"), connection.number("port"), SmppClient.bindParameter(connection),
                    connection.number("timeoutSeconds") * 1000L);
            session = fresh;
            backoff = FIRST_BACKOFF;
            log.info("Bound to SMS centre of connection {} at {}:{}", connection.id(), LogSafe.of(connection.setting("host")),
                    connection.number("port"));
            return fresh;
        }
        catch (IOException e) {
            fresh.close();
            String address = connection.setting("host") + ":" + connection.number("port");
            CheckResult problem = SmppClient.bindProblem(e, address);
            lastBindProblem = problem.problem() + " (" + problem.detail() + ")";
            nextBindAt = now.plus(backoff);
            backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
            log.warn("Bind to connection {} failed: {} ({}); next try at {}", connection.id(), LogSafe.of(lastBindProblem), LogSafe.of(e),
                    nextBindAt);
            throw new BindFailed("The SMS centre refused or did not answer the bind: " + lastBindProblem);
        }
    }

    private synchronized void broken(SMPPSession failed) {
        if (session == failed) {
            failed.close();
            session = null;
        }
    }

    synchronized void close() {
        closed = true;
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    private static final class BindFailed extends Exception {

        BindFailed(String message) {
            super(message);
        }
    }
}
