import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scale scenario, run by {@code benchmark/run.sh mysql scale}: one company with MESSAGES (5,000,000)
 * messages over 60 days in a realistic shape, filled with INSERT … SELECT from MariaDB's sequence engine
 * (not a row at a time), then the portal's "Просмотр сообщений" and the statistics API asked the questions
 * docs/benchmarks.md lists, once to warm up and then up to RUNS times (stopping after 30 s), with p50/p95 printed.
 *
 * <p>Shape: 80 % delivered, 10 % undelivered, 3 % sending, 2 % pending, 2 % cancelled, 3 % created, none
 * rejected; 30 % start on WhatsApp, the rest on SMS; 32 % went on to a second channel (6,600,000 attempts);
 * a bulk per 1,000 messages, every tenth message of a task (one per 100,000), phones repeating over 2,000,000
 * numbers, every fifth with an e-mail. Attempts still open are due tomorrow, so the instance leaves them be.
 */
public class ScaleBenchmark {

    static final int MESSAGES = Integer.parseInt(System.getenv().getOrDefault("MESSAGES", "5000000"));
    static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("RUNS", "20"));
    /** Untimed rounds of every request before any is timed: the first calls of a fresh instance measure its JIT compiler. */
    static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
    static final int CHUNK = 250_000;
    static final long MAX_PER_REQUEST_NANOS = Duration.ofSeconds(30).toNanos();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String jdbcUrl = args[2];
        String user = args[3];
        String password = args[4];
        String client = args[5];
        String clientPassword = args[6];
        long companyId;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            companyId = single(db, "SELECT id FROM company WHERE name = 'Benchmark'");
            long existing = single(db, "SELECT COUNT(*) FROM message WHERE company_id = " + companyId);
            if (existing == 0) {
                fill(db, companyId);
            }
            else {
                System.out.printf("== reusing %,d messages already there (REFILL=1 starts over)%n", existing);
            }
            if (single(db, "SELECT COUNT(*) FROM message_count WHERE company_id = " + companyId) == 0) {
                buildCounters(db);
            }
        }

        HttpClient portal = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
        logIn(portal, base, client, clientPassword);
        HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        LocalDate monthAgo = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(30);
        String firstPage = get(portal, base + "/messages", null);
        Matcher cursor = Pattern.compile("before=(\\d+)").matcher(firstPage);
        String before = cursor.find() ? cursor.group(1) : "0";
        Matcher link = Pattern.compile("href=\"/messages/([0-9A-Fa-f-]{36})\"").matcher(firstPage);
        String oneMessage = link.find() ? link.group(1) : "none";

        Map<String, String> portalRequests = new LinkedHashMap<>();
        portalRequests.put("Просмотр сообщений, first page", "/messages");
        portalRequests.put("… status = DELIVERED", "/messages?status=DELIVERED");
        portalRequests.put("… one day a month ago", "/messages?from=" + monthAgo + "&to=" + monthAgo);
        portalRequests.put("… a status no message has (REJECTED)", "/messages?status=REJECTED");
        portalRequests.put("… a phone", "/messages?recipient=79000012345");
        portalRequests.put("… an e-mail", "/messages?recipient=user12345%40example.com");
        portalRequests.put("… a bulk", "/messages?bulkId=bulk-2500");
        portalRequests.put("… a task", "/messages?taskId=task-25");
        portalRequests.put("… channel = WHATSAPP", "/messages?channel=WHATSAPP");
        portalRequests.put("… a channel with no messages (VK)", "/messages?channel=VK");
        portalRequests.put("«Показать ещё»", "/messages?before=" + before);
        portalRequests.put("a message's page", "/messages/" + oneMessage);
        portalRequests.put("Главная (the last 24 hours)", "/");
        portalRequests.put("Статистика, 7 days", "/statistics?period=7d");
        portalRequests.put("… 30 days", "/statistics?period=30d");
        portalRequests.put("… 60 days, chosen", "/statistics?period=custom&from=" + LocalDate.now().minusDays(59) + "&to=" + LocalDate.now());
        portalRequests.put("… 30 days, channel = WHATSAPP", "/statistics?period=30d&channel=WHATSAPP");
        portalRequests.put("… its CSV, 60 days", "/statistics/export.csv?period=custom&from=" + LocalDate.now().minusDays(59) + "&to="
                + LocalDate.now());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String day = period(now.minus(Duration.ofDays(1)), now);
        String week = period(now.minus(Duration.ofDays(7)), now);
        String sixtyDays = period(now.minus(Duration.ofDays(61)), now);
        String stats = "/api/v1/statistics/messaging/messages?limit=100&";
        Map<String, String> apiRequests = new LinkedHashMap<>();
        apiRequests.put("statistics API, 24 h with count", stats + day);
        apiRequests.put("… 7 days with count", stats + week);
        apiRequests.put("… 60 days with count", stats + sixtyDays);
        apiRequests.put("… page 100 of 60 days", stats + sixtyDays + "&page=100");
        apiRequests.put("… page 1,000 of 60 days", stats + sixtyDays + "&page=1000");
        apiRequests.put("… page 1,000 of 60 days, status = DELIVERED", stats + sixtyDays + "&page=1000&status=DELIVERED");
        apiRequests.put("… 24 h, channel = SMS", stats + day + "&channel=SMS");
        apiRequests.put("… 24 h, status = DELIVERED, seed 004's fields", stats + day + "&status=DELIVERED&fields=id,providerMessageId,status");
        apiRequests.put("… 60 days, status = UNDELIVERED", stats + sixtyDays + "&status=UNDELIVERED");
        apiRequests.put("… 60 days, channel = WHATSAPP", stats + sixtyDays + "&channel=WHATSAPP");
        apiRequests.put("… 60 days, channel = CHAT (seed 004, none here)", stats + sixtyDays + "&channel=CHAT&fields=id,providerMessageId,status");
        apiRequests.put("… 60 days, a task", stats + sixtyDays + "&taskId=task-25");
        apiRequests.put("… 60 days, a bulk", stats + sixtyDays + "&bulkId=bulk-2500");
        for (String status : List.of("CREATED", "PENDING", "SENDING", "CANCELLED", "REJECTED")) {
            apiRequests.put("… 7 days, status = " + status, stats + week + "&status=" + status);
        }

        // every request warms up before any is timed: the first of a fresh instance measured its JIT compiler
        for (int i = 0; i < WARMUP; i++) {
            for (String request : portalRequests.values()) {
                get(portal, base + request, null);
            }
            for (String request : apiRequests.values()) {
                get(api, base + request, key);
            }
        }
        System.out.println();
        System.out.printf("| request (%,d messages of one company) | p50 | p95 | runs |%n", MESSAGES);
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, String> request : portalRequests.entrySet()) {
            measure(request.getKey(), () -> get(portal, base + request.getValue(), null));
        }
        for (Map.Entry<String, String> request : apiRequests.entrySet()) {
            measure(request.getKey(), () -> get(api, base + request.getValue(), key));
        }

        // the counters agree with the rows: 7 days counted both ways (the table's count is the slow one)
        String answer = get(api, base + stats + week + "&status=DELIVERED&withoutItems=true", key);
        Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(answer);
        count.find();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement rows = db.prepareStatement("SELECT COUNT(*) FROM message WHERE company_id = ? AND status = 'DELIVERED'"
                        + " AND created_at >= ? AND created_at < ?")) {
            rows.setLong(1, companyId);
            rows.setTimestamp(2, java.sql.Timestamp.from(now.minus(Duration.ofDays(7))));
            rows.setTimestamp(3, java.sql.Timestamp.from(now));
            try (ResultSet rs = rows.executeQuery()) {
                rs.next();
                System.out.printf("%n== 7 days, DELIVERED: the API counts %s, the table %,d%n", count.group(1), rs.getLong(1));
            }
        }
    }

    interface Call {
        String run() throws Exception;
    }

    static void measure(String name, Call call) throws Exception {
        List<Double> millis = new ArrayList<>();
        long started = System.nanoTime();
        while (millis.size() < RUNS && System.nanoTime() - started < MAX_PER_REQUEST_NANOS) {
            long t = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("| %s | %,.0f ms | %,.0f ms | %d |%n", name, percentile(millis, 50), percentile(millis, 95), millis.size());
    }

    static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String period(Instant from, Instant to) {
        return "from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    }

    static String get(HttpClient http, String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static void logIn(HttpClient http, String base, String username, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused: " + answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""));
        }
    }

    /** Messages, then their attempts, CHUNK rows per statement, from MariaDB's seq_1_to_N tables. */
    static void fill(Connection db, long companyId) throws Exception {
        System.out.printf("== filling %,d messages over 60 days (INSERT … SELECT, %,d per statement)%n", MESSAGES, CHUNK);
        long started = System.nanoTime();
        long seconds = 60L * 86400;
        for (long from = 1; from <= MESSAGES; from += CHUNK) {
            long to = Math.min(MESSAGES, from + CHUNK - 1);
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO message (public_id, company_id, bulk_id, flow_id, group_id, task_id, phone, email, timezone, status,
                      first_channel, validity_minutes, use_short_links, created_at, updated_at)
                    SELECT CONCAT(LPAD(HEX(seq), 8, '0'), '-0000-4000-8000-', LPAD(HEX(seq), 12, '0')), ?, CONCAT('bulk-', seq DIV 1000),
                      CONCAT('flow-', seq), CONCAT('group-', seq), IF(seq % 10 = 0, CONCAT('task-', seq DIV 100000), NULL),
                      CONCAT('79', LPAD(seq % 2000000, 9, '0')), IF(seq % 5 = 0, CONCAT('user', seq % 500000, '@example.com'), NULL),
                      'Europe/Moscow',
                      ELT(1 + (seq % 100 >= 80) + (seq % 100 >= 90) + (seq % 100 >= 93) + (seq % 100 >= 95) + (seq % 100 >= 97),
                        'DELIVERED', 'UNDELIVERED', 'SENDING', 'PENDING', 'CANCELLED', 'CREATED'),
                      IF(seq % 10 < 3, 'WHATSAPP', 'SMS'), 1440, FALSE, ts, ts
                    FROM (SELECT seq, NOW(6) - INTERVAL ((? - seq) * ? DIV ?) SECOND AS ts FROM seq_{FROM}_to_{TO}) s"""
                    .replace("{FROM}", Long.toString(from)).replace("{TO}", Long.toString(to)))) {
                insert.setLong(1, companyId);
                insert.setLong(2, MESSAGES);
                insert.setLong(3, seconds);
                insert.setLong(4, MESSAGES);
                insert.executeUpdate();
            }
            System.out.printf("   messages %,d–%,d (%.0f s)%n", from, to, (System.nanoTime() - started) / 1e9);
        }
        long firstId = single(db, "SELECT MIN(id) FROM message WHERE company_id = " + companyId);
        long lastId = single(db, "SELECT MAX(id) FROM message WHERE company_id = " + companyId);
        String outcome = """
                CASE m.status WHEN 'DELIVERED' THEN 'DELIVERED' WHEN 'UNDELIVERED' THEN 'FAILED' WHEN 'SENDING' THEN 'SENT'
                  WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'QUEUED' END""";
        for (long from = firstId; from <= lastId; from += CHUNK) {
            long to = Math.min(lastId, from + CHUNK - 1);
            // the first channel: for a third of the messages it had no account and the cascade went on
            execute(db, """
                    INSERT INTO message_attempt (message_id, company_id, step, channel, required, status, address, text, due_at, provider,
                      provider_message_id, error_code, sent_at, finished_at, updated_at)
                    SELECT m.id, m.company_id, 0, m.first_channel, FALSE, st, m.phone, 'Ваш код 1234',
                      IF(st IN ('QUEUED', 'SENT'), NOW(6) + INTERVAL 1 DAY, NULL), IF(st IN ('QUEUED', 'CANCELLED'), NULL, 'sandbox'),
                      IF(st IN ('QUEUED', 'CANCELLED'), NULL, CONCAT('p-', m.id, '-0')), IF(st = 'NO_ACCOUNT', 'NO_ACCOUNT', NULL),
                      IF(st IN ('QUEUED', 'CANCELLED'), NULL, m.created_at), IF(st IN ('DELIVERED', 'FAILED', 'NO_ACCOUNT'),
                      m.created_at + INTERVAL 3 SECOND, NULL), m.created_at
                    FROM (SELECT m.*, IF(m.id % 100 < 32 AND m.status IN ('DELIVERED', 'UNDELIVERED', 'SENDING'), 'NO_ACCOUNT', {OUTCOME}) AS st
                          FROM message m WHERE m.company_id = {COMPANY} AND m.id BETWEEN {FROM} AND {TO}) m"""
                    .replace("{OUTCOME}", outcome).replace("{COMPANY}", Long.toString(companyId))
                    .replace("{FROM}", Long.toString(from)).replace("{TO}", Long.toString(to)));
            execute(db, """
                    INSERT INTO message_attempt (message_id, company_id, step, channel, required, status, address, text, due_at, provider,
                      provider_message_id, sent_at, finished_at, updated_at)
                    SELECT m.id, m.company_id, 1, IF(m.first_channel = 'WHATSAPP', 'SMS', 'VIBER'), FALSE, {OUTCOME}, m.phone, 'Ваш код 1234',
                      IF(m.status = 'SENDING', NOW(6) + INTERVAL 1 DAY, NULL), 'sandbox', CONCAT('p-', m.id, '-1'),
                      m.created_at + INTERVAL 4 SECOND, IF(m.status IN ('DELIVERED', 'UNDELIVERED'), m.created_at + INTERVAL 9 SECOND, NULL),
                      m.created_at
                    FROM message m WHERE m.company_id = {COMPANY} AND m.id BETWEEN {FROM} AND {TO} AND m.id % 100 < 32
                      AND m.status IN ('DELIVERED', 'UNDELIVERED', 'SENDING')"""
                    .replace("{OUTCOME}", outcome).replace("{COMPANY}", Long.toString(companyId))
                    .replace("{FROM}", Long.toString(from)).replace("{TO}", Long.toString(to)));
            System.out.printf("   attempts of messages %,d–%,d (%.0f s)%n", from - firstId + 1, to - firstId + 1, (System.nanoTime() - started) / 1e9);
        }
        execute(db, "ANALYZE TABLE message, message_attempt");
        System.out.printf("== filled in %.0f s: %,d messages, %,d attempts%n", (System.nanoTime() - started) / 1e9,
                single(db, "SELECT COUNT(*) FROM message WHERE company_id = " + companyId),
                single(db, "SELECT COUNT(*) FROM message_attempt WHERE company_id = " + companyId));
    }

    /**
     * The fill writes rows as they are, past the application: the counters of the messages page and the statistics
     * API are built afterwards the way an upgrade builds them, with the statements of the counters' migration
     * (read from its changeset), which this measures at 5,000,000 messages.
     */
    static void buildCounters(Connection db) throws Exception {
        String changeset = Files.readString(Path.of("src/main/resources/db/changelog/changes/2026-11-30-09-message-counts.yaml"));
        String mysql = changeset.substring(changeset.indexOf("id: 2026-11-30-09-message-counts-backfill-mysql"),
                changeset.indexOf("id: 2026-11-30-09-message-counts-backfill-h2"));
        List<String> statements = new ArrayList<>();
        Matcher sql = Pattern.compile("sql: >\\n((?: {14}.*\\n)+)").matcher(mysql);
        while (sql.find()) {
            statements.add(sql.group(1).lines().map(String::strip).collect(Collectors.joining(" ")));
        }
        long started = System.nanoTime();
        for (String statement : statements) {
            execute(db, statement);
        }
        System.out.printf("== counters built in %.0f s by the migration's %d statements: %,d counters%n", (System.nanoTime() - started) / 1e9,
                statements.size(), single(db, "SELECT COUNT(*) FROM message_count"));
    }

    static void execute(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    static long single(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
