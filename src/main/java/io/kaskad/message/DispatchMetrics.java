package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.kaskad.channel.Channel;
import io.kaskad.channel.SendOutcome;
import io.kaskad.common.CachedValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Delivery's metrics, per channel and provider ({@code /actuator/prometheus}): attempts handed over and
 * how they ended (by reason), provider call latency, the dispatch backlog and its age, pending callbacks.
 * Attempt counts are taken after their transaction commits, so a rolled-back batch counts nothing.
 */
@Component
class DispatchMetrics {

    /** Counting due attempts stops here: a huge backlog costs a bounded scan per interval. */
    static final int BACKLOG_CAP = 100_000;
    /** Error codes become a tag only when they look like codes: free text from a provider would make a series per message. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Duration GAUGE_TTL = Duration.ofSeconds(10);

    private final MeterRegistry registry;

    DispatchMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        Gauge.builder("kaskad.dispatch.backlog", new CachedValue(GAUGE_TTL, () -> jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT 1 FROM message_attempt WHERE status = 'QUEUED' AND due_at <= ? LIMIT %d) due"""
                .formatted(BACKLOG_CAP + 1)).param(Sql.ts(clock.instant())).query(Long.class).single()))
            .description("Attempts due and waiting to be sent (counted up to " + BACKLOG_CAP + ")")
            .register(registry);
        Gauge.builder("kaskad.dispatch.backlog.age", new CachedValue(GAUGE_TTL, () -> {
            Instant now = clock.instant();
            Instant oldest = jdbc.sql("SELECT MIN(due_at) AS oldest FROM message_attempt WHERE status = 'QUEUED' AND due_at <= ?")
                .param(Sql.ts(now))
                .query(rs -> rs.next() ? Sql.instant(rs, "oldest") : null);
            return oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
        }))
            .description("How long the oldest due attempt has been waiting")
            .baseUnit("seconds")
            .register(registry);
        Gauge.builder("kaskad.callbacks.pending", new CachedValue(GAUGE_TTL, () -> jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT 1 FROM callback_delivery WHERE status = 'PENDING' LIMIT %d) pending"""
                .formatted(BACKLOG_CAP + 1)).query(Long.class).single()))
            .description("Status callbacks waiting to be delivered or retried (counted up to " + BACKLOG_CAP + ")")
            .register(registry);
    }

    /** One provider call and what it answered. */
    void providerCall(Channel channel, String provider, SendOutcome.Status outcome, Duration took) {
        Timer.builder("kaskad.provider.calls")
            .description("Provider calls, by how they were answered")
            .tags("channel", channel.name(), "provider", tag(provider), "outcome", outcome.name())
            .publishPercentileHistogram()
            .register(registry)
            .record(took);
    }

    /** An attempt's status change, counted once the transaction that made it commits. */
    record Change(AttemptStatus from, AttemptRow to) {
    }

    void afterCommit(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            changes.forEach(this::count);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                changes.forEach(DispatchMetrics.this::count);
            }
        });
    }

    private void count(Change change) {
        AttemptRow attempt = change.to();
        AttemptStatus status = attempt.status();
        String channel = attempt.channel().name();
        String provider = tag(attempt.provider());
        if (change.from() == AttemptStatus.SENDING && (status == AttemptStatus.SENT || status.isDelivered())) {
            Counter.builder("kaskad.attempts.sent")
                .description("Attempts a provider accepted")
                .tags("channel", channel, "provider", provider)
                .register(registry)
                .increment();
        }
        if (status.isDelivered() || status.isFallback()) {
            Counter.builder("kaskad.attempts.finished")
                .description("Attempts that ended: delivered or read, failed, no account, expired; failures by reason")
                .tags("channel", channel, "provider", provider, "status", status.name(), "reason",
                        status.isDelivered() ? "" : reason(attempt.errorCode()))
                .register(registry)
                .increment();
        }
    }

    private static String tag(String value) {
        return value == null ? "none" : value.toLowerCase(Locale.ROOT);
    }

    private static String reason(String errorCode) {
        return errorCode == null ? "" : CODE.matcher(errorCode).matches() ? errorCode : "OTHER";
    }
}
