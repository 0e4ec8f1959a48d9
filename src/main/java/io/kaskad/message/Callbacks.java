package io.kaskad.message;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.kaskad.common.NetworkTargets;
import io.kaskad.common.SkipLockedClaims;
import io.kaskad.common.Strings;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers status callbacks to clients' {@code callbackUrl}: claimed in batches (SKIP LOCKED), POSTed in
 * parallel with short timeouts outside any transaction, retried with growing pauses when the endpoint
 * fails. Callbacks run in their own job, so a slow or dead endpoint never slows sending. Delivery is
 * at least once: a node that dies mid-request leaves the callback to be sent again after its lease.
 */
@Service
public class Callbacks implements DisposableBean {

    /** Pauses before the 2nd, 3rd, … try; after the last one the callback is given up. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3));
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    /** Batches the callbacks of a dispatcher's batch: JdbcClient runs one statement at a time. */
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    /** Redirects are not followed: a public endpoint could otherwise send the request on into Kaskad's network. */
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(senders)
        .build();
    private final boolean allowPrivateNetworks;
    private final SkipLockedClaims claims;

    Callbacks(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json, Clock clock, PlatformTransactionManager transactions,
            CallbackProperties properties, MeterRegistry registry, SkipLockedClaims claims) {
        this.claims = claims;
        this.registry = registry;
        this.allowPrivateNetworks = properties.allowPrivateNetworks();
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Queues a status callback for each change of a message that asked for one. Called in the
     * transaction that moves the messages: a change is never lost, and never reported without happening.
     */
    void queue(List<MessageStore.StatusChange> changes, Instant now) {
        List<Object[]> callbacks = changes.stream()
            .filter(change -> change.message().callbackUrl() != null)
            .map(change -> new Object[] { change.message().companyId(), change.message().id(), change.message().callbackUrl(),
                    CallbackPayload.json(json, change.message(), change.to(), now), Sql.ts(now), Sql.ts(now) })
            .toList();
        if (!callbacks.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO callback_delivery (company_id, message_id, url, payload, status, attempts, next_at, created_at)
                    VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)""", callbacks,
                    new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP });
        }
    }

    /** Queues a click on one of the message's short links, when the message asked for callbacks (in the click's transaction). */
    void queueClick(MessageRow message, String url, Instant at) {
        if (message.callbackUrl() == null) {
            return;
        }
        jdbcTemplate.update("""
                INSERT INTO callback_delivery (company_id, message_id, url, payload, status, attempts, next_at, created_at)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)""", message.companyId(), message.id(), message.callbackUrl(),
                CallbackPayload.click(json, message, url, at), Sql.ts(at), Sql.ts(at));
    }

    /** Sends up to {@code limit} due callbacks; answers how many were tried. */
    public int deliverDue(int limit) {
        List<Due> due = transaction.execute(status -> claim(limit));
        if (due == null || due.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Result>> results = due.stream().map(this::post).toList();
        List<Result> done = results.stream().map(CompletableFuture::join).toList();
        transaction.executeWithoutResult(status -> record(done));
        return due.size();
    }

    private record Due(long id, String url, String payload, int attempts) {
    }

    /** {@code giveUp}: an answer that no retry changes (the URL leads into Kaskad's own network). */
    private record Result(Due callback, String error, boolean giveUp) {

        Result(Due callback, String error) {
            this(callback, error, false);
        }
    }

    private List<Due> claim(int limit) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                SELECT id, url, payload, attempts FROM callback_delivery WHERE status = 'PENDING' AND next_at <= ?
                """ + claims.firstLocked("next_at"))
            .params(Sql.ts(now), limit)
            .query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
            .list();
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE callback_delivery SET next_at = :leaseEnd WHERE id IN (:ids)")
                .param("leaseEnd", Sql.ts(now.plus(LEASE)))
                .param("ids", due.stream().map(Due::id).toList())
                .update();
        }
        return due;
    }

    private CompletableFuture<Result> post(Due callback) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(callback.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(callback.payload()))
                .build();
        }
        catch (IllegalArgumentException badUrl) {
            return CompletableFuture.completedFuture(new Result(callback, "invalid URL: " + badUrl.getMessage(), true));
        }
        // the name is resolved and checked on a sender thread (a lookup may be slow), right before the request
        return CompletableFuture.supplyAsync(() -> refusal(request.uri()), senders)
            .thenCompose(refused -> refused != null ? CompletableFuture.completedFuture(new Result(callback, refused, true))
                    : http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(response -> new Result(callback, response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode())))
            .exceptionally(failure -> new Result(callback, failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    /** Why the URL may not be called now that its name is resolved, or null. */
    private String refusal(URI uri) {
        try {
            return NetworkTargets.checkResolved(uri, allowPrivateNetworks)
                .map(refused -> "refused: " + uri.getHost() + " is not a public address (" + refused + ")")
                .orElse(null);
        }
        catch (UnknownHostException unknown) {
            throw new CompletionException(unknown);
        }
    }

    private void record(List<Result> results) {
        Instant now = clock.instant();
        for (Result result : results) {
            if (result.error() == null) {
                jdbc.sql("UPDATE callback_delivery SET status = 'DONE', attempts = ?, last_error = NULL WHERE id = ?")
                    .params(result.callback().attempts() + 1, result.callback().id())
                    .update();
                continue;
            }
            int attempts = result.callback().attempts() + 1;
            boolean giveUp = result.giveUp() || attempts > BACKOFF.size();
            registry.counter("kaskad.callbacks.failed", "outcome", giveUp ? "given_up" : "retry").increment();
            jdbc.sql("UPDATE callback_delivery SET status = ?, attempts = ?, next_at = ?, last_error = ? WHERE id = ?")
                .params(giveUp ? "FAILED" : "PENDING", attempts,
                        Sql.ts(giveUp ? now : now.plus(BACKOFF.get(attempts - 1))), Strings.cut(result.error(), 500), result.callback().id())
                .update();
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
