import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * SMS over one SMPP bind: an SMSC in this process (jSMPP's server API) answers each submit_sm after
 * SMSC_LATENCY_MS and sends a DELIVRD receipt; the benchmark company gets an SMPP connection to it
 * (window 50), BURST SMS are made due at one second, and the table shows submit_sm per second at the
 * SMSC and the time until every message is final.
 */
public class SmppBenchmark {

    static final int BURST = Integer.parseInt(System.getenv().getOrDefault("BURST", "10000"));
    static final long LATENCY_MS = Long.parseLong(System.getenv().getOrDefault("SMSC_LATENCY_MS", "20"));
    static final AtomicLong submits = new AtomicLong();
    static volatile long firstSubmit;
    static volatile long lastSubmit;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String jdbcUrl = args[2];
        String user = args[3];
        String password = args.length > 4 ? args[4] : "";
        String mode = args.length > 5 ? args[5] : "?";
        int port = startSmsc();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/company")).header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"timezone\":\"Europe/Moscow\",\"sendRateLimit\":10000}")).build());
        call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/providers")).header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("""
                    {"name":"Benchmark SMSC","type":"SMPP","settings":{"host":"127.0.0.1","port":%d,"systemId":"bench",
                     "sourceAddress":"Bench","window":50},"secrets":{"password":"bench"}}""".formatted(port))).build());
        long companyId;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                ResultSet rs = db.createStatement().executeQuery("SELECT id FROM company WHERE name = 'Benchmark'")) {
            rs.next();
            companyId = rs.getLong(1);
        }
        Instant due = Instant.now().plusSeconds(BURST / 2000 + 15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        System.out.println("== " + BURST + " SMS due at " + due + ", SMSC answering in " + LATENCY_MS + " ms");
        for (int request = 0; request < BURST / 1000; request++) {
            StringBuilder destinations = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                destinations.append(i == 0 ? "" : ",").append("{\"phone\":\"").append(79_100_000_000L + request * 1000L + i).append("\"}");
            }
            call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/messages")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"channels\":{\"sms\":{\"text\":\"Your code 1234\"}},\"sendAt\":\""
                        + due.atOffset(ZoneOffset.UTC) + "\",\"destinations\":[" + destinations + "]}]}")).build());
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            while (Instant.now().isBefore(due)) {
                Thread.sleep(5);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (count(db, companyId, due, "m.status IN ('DELIVERED', 'UNDELIVERED')") < BURST) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not final within 10 minutes");
                }
                Thread.sleep(100);
            }
            double finalAfter = Duration.between(due, Instant.now()).toNanos() / 1e9;
            double submitRate = submits.get() / ((lastSubmit - firstSubmit) / 1e9);
            long timeouts = count(db, companyId, due, "a.error_code IN ('PROVIDER_TIMEOUT', 'OUTCOME_UNKNOWN')");
            long delivered = count(db, companyId, due, "m.status = 'DELIVERED'");
            System.out.println();
            System.out.println("| scenario (" + mode + ", one bind, window 50) | result |");
            System.out.println("|---|---|");
            System.out.printf("| submit_sm per second at the SMSC (answering in %d ms) | %,.0f /s (%,d submit_sm) |%n", LATENCY_MS, submitRate,
                    submits.get());
            System.out.printf("| %,d SMS due at one second: all final (receipts applied) after | %.1f s; %,d delivered; %d PROVIDER_TIMEOUT |%n",
                    BURST, finalAfter, delivered, timeouts);
        }
        System.exit(0);
    }

    static long count(Connection db, long companyId, Instant due, String condition) throws Exception {
        try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM message m JOIN message_attempt a ON a.message_id = m.id "
                + "WHERE m.company_id = ? AND m.send_at = ? AND " + condition)) {
            count.setLong(1, companyId);
            count.setTimestamp(2, Timestamp.from(due));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void call(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The SMSC: binds "bench"/"bench", answers after the latency on a pool as wide as any window, sends receipts. */
    static int startSmsc() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SMPPServerSessionListener listener = new SMPPServerSessionListener(port);
        listener.setPduProcessorDegree(100);
        listener.setQueueCapacity(10_000);
        ScheduledExecutorService receipts = Executors.newScheduledThreadPool(4);
        AtomicLong ids = new AtomicLong(0x10000);
        listener.setMessageReceiverListener(new ServerMessageReceiverListener() {

            @Override
            public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession session) throws ProcessRequestException {
                try {
                    Thread.sleep(LATENCY_MS); // the SMSC's own latency
                    long now = System.nanoTime();
                    if (submits.getAndIncrement() == 0) {
                        firstSubmit = now;
                    }
                    lastSubmit = now;
                    String id = Long.toHexString(ids.incrementAndGet());
                    String destination = submitSm.getDestAddress();
                    String source = submitSm.getSourceAddr();
                    receipts.schedule(() -> {
                        DeliveryReceipt receipt = new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD, "000", "");
                        try {
                            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, source,
                                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                                    (byte) 0, new RegisteredDelivery(0), GeneralDataCoding.DEFAULT,
                                    receipt.toString().getBytes(StandardCharsets.US_ASCII));
                        }
                        catch (Exception e) {
                            System.err.println("receipt not delivered: " + e);
                        }
                    }, 50, TimeUnit.MILLISECONDS);
                    return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
                }
                catch (Exception e) {
                    throw new ProcessRequestException(e.getMessage(), 0x08);
                }
            }

            @Override
            public org.jsmpp.session.SubmitMultiResult onAcceptSubmitMulti(org.jsmpp.bean.SubmitMulti m, SMPPServerSession s)
                    throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public org.jsmpp.session.QuerySmResult onAcceptQuerySm(org.jsmpp.bean.QuerySm q, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public void onAcceptReplaceSm(org.jsmpp.bean.ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public void onAcceptCancelSm(org.jsmpp.bean.CancelSm c, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public org.jsmpp.session.BroadcastSmResult onAcceptBroadcastSm(org.jsmpp.bean.BroadcastSm b, SMPPServerSession s)
                    throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public void onAcceptCancelBroadcastSm(org.jsmpp.bean.CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public org.jsmpp.session.QueryBroadcastSmResult onAcceptQueryBroadcastSm(org.jsmpp.bean.QueryBroadcastSm q, SMPPServerSession s)
                    throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }

            @Override
            public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm d, org.jsmpp.session.Session s) throws ProcessRequestException {
                throw new ProcessRequestException("no", 3);
            }
        });
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    SMPPServerSession session = listener.accept();
                    BindRequest bind = session.waitForBind(5000);
                    bind.accept("bench-smsc");
                }
                catch (Exception e) {
                    // a failed bind: the client binds again
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return port;
    }
}
