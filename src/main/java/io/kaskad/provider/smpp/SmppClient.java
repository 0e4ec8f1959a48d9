package io.kaskad.provider.smpp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.springframework.stereotype.Component;

import io.kaskad.channel.DeliveryReports;
import io.kaskad.channel.OutboundMessage;
import io.kaskad.channel.SendOutcome;
import io.kaskad.provider.ConnectionDetails;
import io.kaskad.provider.ProviderClient;
import io.kaskad.provider.ProviderNetwork;
import io.kaskad.provider.ProviderType;
import jakarta.annotation.PreDestroy;

/**
 * SMS over SMPP 3.4 (jSMPP): one {@code bind_transceiver} per connection per node ({@link SmppBind}),
 * kept alive and rebound with backoff; receipts become delivery reports ({@link Receipts}).
 *
 * <p>Answers of {@code submit_sm}: an invalid destination is the recipient's ({@code NO_ACCOUNT}, the
 * cascade moves on); throttling, a full queue, a system error or a lost bind are transient; a
 * {@code submit_sm_resp} that does not come in time is an unknown outcome (the SMSC may have taken it).
 */
@Component
class SmppClient implements ProviderClient {

    private static final int ESME_RINVDSTADR = 0x0B;
    private static final int ESME_RSYSERR = 0x08;
    private static final int ESME_RMSGQFUL = 0x14;
    private static final int ESME_RTHROTTLED = 0x58;
    private static final int ESME_RINVPASWD = 0x0E;
    private static final int ESME_RINVSYSID = 0x0F;
    private static final int ESME_RBINDFAIL = 0x0D;

    private final ProviderNetwork network;
    private final DeliveryReports reports;
    private final Clock clock;
    private final Map<Long, SmppBind> binds = new ConcurrentHashMap<>();

    SmppClient(ProviderNetwork network, DeliveryReports reports, Clock clock) {
        this.network = network;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public ProviderType type() {
        return ProviderType.SMPP;
    }

    @Override
    public boolean reportsDelivery() {
        return true;
    }

    @Override
    public SendOutcome send(ConnectionDetails connection, OutboundMessage message) {
        SmppBind bind = binds.compute(connection.id(), (id, existing) -> existing != null && existing.sameAs(connection) ? existing
                : replace(existing, connection));
        return bind.submit(message);
    }

    @Override
    public CheckResult check(ConnectionDetails connection) {
        String host = connection.setting("host");
        SMPPSession session = new SMPPSession();
        try {
            if (!network.allowed(host)) {
                return CheckResult.failed("private-network", host);
            }
            session.setTransactionTimer(connection.number("timeoutSeconds") * 1000L);
            String smsc = session.connectAndBind(host, connection.number("port"), bindParameter(connection),
                    connection.number("timeoutSeconds") * 1000L);
            session.unbindAndClose();
            return CheckResult.passed(smsc);
        }
        catch (UnknownHostException e) {
            return CheckResult.failed("unknown-host", host);
        }
        catch (IOException e) {
            session.close();
            return bindProblem(e, host + ":" + connection.number("port"));
        }
    }

    @Override
    public void forget(long connectionId) {
        SmppBind bind = binds.remove(connectionId);
        if (bind != null) {
            bind.close();
        }
    }

    /** Unbinds on shutdown, once the dispatcher's calls under way have finished (it depends on this client). */
    @PreDestroy
    void unbindAll() {
        binds.values().forEach(SmppBind::close);
        binds.clear();
    }

    private SmppBind replace(SmppBind existing, ConnectionDetails connection) {
        if (existing != null) {
            existing.close();
        }
        return new SmppBind(connection, network, new Receipts(reports, clock, connection.id()), clock);
    }

    static BindParameter bindParameter(ConnectionDetails connection) {
        return new BindParameter(BindType.BIND_TRX, connection.setting("systemId"), connection.secret("password"),
                connection.setting("systemType") == null ? "" : connection.setting("systemType"), TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null);
    }

    /**
     * What a failed bind means, as a check problem code with the address it was tried at: never the exception's text,
     * which may carry whatever bytes the peer sent (a check must not read out the banner of any port it is pointed at).
     */
    static CheckResult bindProblem(IOException e, String address) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof NegativeResponseException negative) {
                int status = negative.getCommandStatus();
                return CheckResult.failed(status == ESME_RINVPASWD || status == ESME_RINVSYSID || status == ESME_RBINDFAIL ? "auth"
                        : "rejected", String.format("command_status 0x%08X", status));
            }
            if (cause instanceof ConnectException) {
                return CheckResult.failed("refused", address);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof ResponseTimeoutException) {
                return CheckResult.failed("timeout", address);
            }
            cause = cause.getCause();
        }
        return CheckResult.failed("no-smsc", address);
    }

    /** The outcome of a refused {@code submit_sm}, by its command status. */
    static SendOutcome refused(NegativeResponseException e) {
        int status = e.getCommandStatus();
        String code = String.format("SMPP_0x%08X", status);
        return switch (status) {
            case ESME_RINVDSTADR -> SendOutcome.noAccount("The SMS centre refused the number (" + code + ")");
            case ESME_RTHROTTLED, ESME_RMSGQFUL, ESME_RSYSERR -> SendOutcome.transientFailure(code,
                    "The SMS centre asked to try later (" + code + ")");
            default -> SendOutcome.failed(code, "The SMS centre refused the message (" + code + ")");
        };
    }

    static SendOutcome lost(Exception e) {
        if (e instanceof ResponseTimeoutException) {
            return SendOutcome.unknown("PROVIDER_TIMEOUT", "The SMS centre did not answer submit_sm in time; it may have taken it");
        }
        if (e instanceof InvalidResponseException) {
            return SendOutcome.unknown("INVALID_RESPONSE", "The SMS centre answered submit_sm unreadably; it may have taken it");
        }
        if (e instanceof PDUException) {
            return SendOutcome.failed("INVALID_PDU", String.valueOf(e.getMessage()));
        }
        return SendOutcome.transientFailure("BIND_LOST", "The bind to the SMS centre was lost: " + e.getMessage());
    }
}
