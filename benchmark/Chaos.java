import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The client of benchmark/chaos.sh: sends the messages, waits for dispatch to reach a point, and checks
 * the outcome against the database and the sandbox's send logs. Not a test: it prints what it found and
 * exits non-zero when an invariant does not hold.
 */
public class Chaos {

    static final int MESSAGES = Integer.parseInt(System.getenv().getOrDefault("MESSAGES", "20000"));
    static final int PER_REQUEST = 500;
    static final Duration VALIDITY = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "send" -> send(args[1], args[2], args[3], args[4], args[5]);
            case "wait-handed" -> waitHanded(Double.parseDouble(args[1]), args[2], args[3], args[4]);
            case "check" -> check(Path.of(args[1]), args[2], args[3], args[4]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void send(String base, String key, String url, String user, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // the company's own limit would spread the sends over minutes: the run is about crashes, not the limit
        HttpResponse<String> limit = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/company"))
            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"timezone\":\"Europe/Moscow\",\"sendRateLimit\":10000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (limit.statusCode() != 200) {
            throw new IllegalStateException("company settings answered " + limit.statusCode() + ": " + limit.body());
        }
        long started = System.nanoTime();
        // every message due at one moment after the ingest, so that dispatch is in full swing when a node is hurt
        Instant due = Instant.now().plusSeconds(45).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int request = 0; request < MESSAGES / PER_REQUEST; request++) {
            StringBuilder destinations = new StringBuilder();
            for (int i = 0; i < PER_REQUEST; i++) {
                long phone = 79_100_000_000L + (long) request * PER_REQUEST + i;
                destinations.append(i == 0 ? "" : ",").append("{\"phone\":\"").append(phone).append("\",\"messengerUserId\":\"").append(phone).append("\"}");
            }
            String body = "{\"messages\":[{\"channels\":{\"sms\":{\"text\":\"Код 1234\"},\"viber\":{\"text\":\"Код 1234\"}},"
                    + "\"validityPeriod\":" + VALIDITY.toMinutes() + ",\"sendAt\":\"" + due + "\",\"destinations\":[" + destinations + "]}]}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("send answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS chaos_run (sent_at DATETIME(6))");
            s.executeUpdate("INSERT INTO chaos_run VALUES ('" + java.sql.Timestamp.from(due) + "')");
        }
        System.out.printf("   %,d messages accepted in %.1f s, all due at %s%n", MESSAGES, (System.nanoTime() - started) / 1e9, due);
    }

    /** Waits until this share of the SMS attempts has been handed to a provider. */
    static void waitHanded(double share, String url, String user, String password) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                long handed = count(s, "SELECT COUNT(*) FROM message_attempt WHERE step = 0 AND status <> 'QUEUED'");
                long sending = count(s, "SELECT COUNT(*) FROM message_attempt WHERE status = 'SENDING'");
                if (handed >= share * MESSAGES && sending > 0) {
                    System.out.printf("   %,d of %,d SMS attempts claimed or handed over, %,d SENDING now%n", handed, MESSAGES, sending);
                    return;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("dispatch did not reach " + share);
        }
    }

    static void check(Path work, String url, String user, String password) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
            Instant sentAt = s.executeQuery("SELECT sent_at FROM chaos_run").next() ? instant(s, "SELECT MAX(sent_at) FROM chaos_run") : Instant.now();
            Instant deadline = sentAt.plus(VALIDITY).plus(Duration.ofMinutes(1));
            long open;
            while ((open = count(s, "SELECT COUNT(*) FROM message WHERE status NOT IN ('DELIVERED', 'UNDELIVERED', 'CANCELLED', 'REJECTED')")) > 0
                    && Instant.now().isBefore(deadline.plusSeconds(30))) {
                Thread.sleep(500);
            }
            Instant lastFinal = instant(s, "SELECT MAX(updated_at) FROM message");
            Map<String, Set<String>> channelsByMessage = new HashMap<>();
            long sends = 0;
            try (Stream<Path> logs = Files.list(work)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("sends-")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        String[] parts = line.split(" ");
                        String message = parts[0].substring(0, parts[0].lastIndexOf('/'));
                        channelsByMessage.computeIfAbsent(message, m -> new HashSet<>()).add(parts[1]);
                        sends++;
                    }
                }
            }
            long doubles = channelsByMessage.values().stream().filter(channels -> channels.size() > 1).count();
            long stillSending = count(s, "SELECT COUNT(*) FROM message_attempt WHERE status = 'SENDING'");
            System.out.println();
            System.out.println("| check | value |");
            System.out.println("|---|---|");
            System.out.printf("| messages | %,d |%n", count(s, "SELECT COUNT(*) FROM message"));
            print(s, "message", "status");
            print(s, "message_attempt", "channel, status");
            System.out.printf("| attempts with OUTCOME_UNKNOWN (answer lost, report awaited) | %,d |%n",
                    count(s, "SELECT COUNT(*) FROM message_attempt WHERE error_code = 'OUTCOME_UNKNOWN'"));
            System.out.printf("| sends the sandbox providers received | %,d |%n", sends);
            System.out.printf("| messages whose recipient got both SMS and Viber | %,d |%n", doubles);
            System.out.printf("| attempts left SENDING | %,d |%n", stillSending);
            System.out.printf("| messages not final | %,d |%n", open);
            System.out.printf("| last message final after it was due | %.1f s (limit %d s) |%n",
                    Duration.between(sentAt, lastFinal).toMillis() / 1000.0, VALIDITY.plus(Duration.ofMinutes(1)).toSeconds());
            System.out.printf("| parked reports left | %,d |%n", count(s, "SELECT COUNT(*) FROM unmatched_report"));
            boolean ok = doubles == 0 && stillSending == 0 && open == 0 && !lastFinal.isAfter(deadline);
            System.out.println(ok ? "\nOK: every invariant holds" : "\nFAILED: an invariant does not hold");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    static void print(Statement s, String table, String columns) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT " + columns + ", COUNT(*) FROM " + table + " GROUP BY " + columns + " ORDER BY " + columns)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder label = new StringBuilder(table + " ");
                for (int i = 1; i < n; i++) {
                    label.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                System.out.printf("| %s | %,d |%n", label, rs.getLong(n));
            }
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Instant instant(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
