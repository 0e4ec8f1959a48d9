package io.kaskad.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC in the test, on jSMPP's server API: accepts {@code bind_transceiver} with its system id and
 * password (else {@code ESME_RINVPASWD}), records every {@code submit_sm}, answers with a hex message
 * id after {@link #answerDelayMillis}, and sends the delivery receipt that {@link #receipts} decides
 * for the destination (null: none) as a {@code deliver_sm} once the response is out.
 */
public final class TestSmsc implements AutoCloseable {

    /** A {@code submit_sm} as the SMSC received it. */
    public record Submitted(String messageId, String destination, String source, byte dataCoding, byte esmClass,
            byte registeredDelivery, byte[] shortMessage) {
    }

    private final String systemId;
    private final String password;
    private final int port;
    private final SMPPServerSessionListener listener;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
    private final Thread acceptor;
    private volatile boolean running = true;
    public volatile long answerDelayMillis;
    public volatile Function<String, DeliveryReceiptState> receipts = destination -> DeliveryReceiptState.DELIVRD;

    public TestSmsc(String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.port = freePort();
        this.listener = new SMPPServerSessionListener(port);
        this.listener.setMessageReceiverListener(new Receiver());
        this.acceptor = new Thread(this::acceptLoop, "test-smsc-" + port);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return port;
    }

    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** The network drops every bind, as when the SMSC restarts. */
    public void dropBinds() {
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        running = false;
        dropBinds();
        later.shutdownNow();
        listener.close();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                later.execute(() -> bind(session));
            }
            catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (systemId.equals(request.getSystemId()) && password.equals(request.getPassword())) {
                request.accept("test-smsc");
                sessions.add(session);
            }
            else {
                request.reject(0x0E); // ESME_RINVPASWD
            }
        }
        catch (Exception e) {
            session.close();
        }
    }

    private void sendReceipt(SMPPServerSession session, Submitted message) {
        DeliveryReceiptState state = receipts.apply(message.destination());
        if (state == null || (message.registeredDelivery() & 0x03) == 0) {
            return;
        }
        DeliveryReceipt receipt = new DeliveryReceipt(message.messageId(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(),
                new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "011", "");
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.destination(),
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, message.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), GeneralDataCoding.DEFAULT, receipt.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        catch (Exception e) {
            // the bind went away: a real SMSC would retry; the test that drops binds does not count on it
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession session) throws ProcessRequestException {
            if (answerDelayMillis > 0) {
                try {
                    Thread.sleep(answerDelayMillis); // the SMSC's own latency, as the benchmark and timing tests set it
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String id = Long.toHexString(ids.incrementAndGet());
            Submitted message = new Submitted(id, submitSm.getDestAddress(), submitSm.getSourceAddr(), submitSm.getDataCoding(),
                    submitSm.getEsmClass(), submitSm.getRegisteredDelivery(), submitSm.getShortMessage());
            submitted.add(message);
            later.schedule(() -> sendReceipt(session, message), 100, TimeUnit.MILLISECONDS);
            try {
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            }
            catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
