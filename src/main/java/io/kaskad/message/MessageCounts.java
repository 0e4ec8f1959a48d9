package io.kaskad.message;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.channel.Channel;
import io.kaskad.common.SkipLockedClaims;
import io.kaskad.common.TimestampBinding;

/**
 * Counters of each company's messages per hour of acceptance (UTC), channel and measure, kept as the messages
 * change, so that counting a period of millions of messages reads a few thousand counters. A measure is one of:
 * <ul>
 * <li>{@code msg.<status>}: messages in that status now, on the channel {@code ""} (every message) and on each
 * channel the message has an attempt on (what the statistics API's channel filter means);</li>
 * <li>{@code att.<status>}: attempts of the channel in that status now;</li>
 * <li>{@code step.<n>}: attempts delivered (or read) that were the n-th channel of their cascade;</li>
 * <li>{@code fallback.<status>}, {@code late}, {@code ttd.<seconds>}, {@code window}, {@code click}: events, only ever
 * added: attempts that failed, found no account or expired, so that the cascade moved on (still counted when a
 * late report delivers them after all); deliveries reported after the attempt had expired; deliveries by how long
 * after the provider took them ({@link #DELIVERY_TIME_BUCKETS}); WhatsApp texts refused outside the conversation
 * window; people's clicks on short links.</li>
 * </ul>
 * <p>Writers never share a row: each transaction appends its summed changes ({@link CountChanges}) to
 * {@code message_count_change}, in the transaction that changes the messages, and {@link #fold} moves them into
 * {@code message_count} every few seconds. A reader adds both tables in one statement, so a count is exact
 * whether or not the latest changes are folded yet.
 */
@Repository
public class MessageCounts {

    /** The channel of the counters of every message. */
    public static final String ALL_CHANNELS = "";
    public static final String LATE_DELIVERY = "late";
    public static final String CLICK = "click";
    /** WhatsApp texts that failed because the recipient's 24-hour conversation window was closed. */
    public static final String WINDOW_CLOSED = "window";
    /** Upper bounds, in seconds, of the delivery-time buckets; {@code ttd.more} above the last. */
    public static final List<Long> DELIVERY_TIME_BUCKETS = List.of(10L, 30L, 60L, 300L, 900L, 3600L, 21600L, 86400L);
    public static final String DELIVERY_TIME_ABOVE = "ttd.more";
    private static final String MESSAGES_PREFIX = "msg.";
    private static final String DELIVERED_AT_PREFIX = "step.";
    private static final String DELIVERY_TIME_PREFIX = "ttd.";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TimestampBinding times;
    private final SkipLockedClaims claims;

    MessageCounts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TimestampBinding times, SkipLockedClaims claims) {
        this.claims = claims;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.times = times;
    }

    public static String messages(MessageStatus status) {
        return MESSAGES_PREFIX + status.name();
    }

    public static String attempts(AttemptStatus status) {
        return "att." + status.name();
    }

    /** Delivered attempts that were the {@code position}-th channel (from 1) of their cascade. */
    public static String deliveredAt(int position) {
        return DELIVERED_AT_PREFIX + position;
    }

    /** Attempts that ended without reaching the recipient so (FAILED, NO_ACCOUNT, EXPIRED): an event, kept when a late report follows. */
    public static String fallback(AttemptStatus status) {
        return "fallback." + status.name();
    }

    public static String deliveryTime(Duration took) {
        long seconds = Math.max(0, took.toSeconds());
        return DELIVERY_TIME_BUCKETS.stream().filter(bound -> seconds <= bound).findFirst().map(MessageCounts::deliveryTimeWithin)
            .orElse(DELIVERY_TIME_ABOVE);
    }

    /** The delivery-time bucket of up to {@code bound} seconds (one of {@link #DELIVERY_TIME_BUCKETS}). */
    public static String deliveryTimeWithin(long bound) {
        return DELIVERY_TIME_PREFIX + bound;
    }

    /** Whether the measure is a delivery-time bucket, {@link #DELIVERY_TIME_ABOVE} included. */
    public static boolean isDeliveryTime(String measure) {
        return measure.startsWith(DELIVERY_TIME_PREFIX);
    }

    /** The status a {@code msg.<status>} measure counts; null for another measure. */
    public static MessageStatus messageStatusOf(String measure) {
        return measure.startsWith(MESSAGES_PREFIX) ? MessageStatus.valueOf(measure.substring(MESSAGES_PREFIX.length())) : null;
    }

    /** The cascade position (from 1) a {@code step.<n>} measure counts; 0 for another measure. */
    public static int deliveredPositionOf(String measure) {
        return measure.startsWith(DELIVERED_AT_PREFIX) ? Integer.parseInt(measure.substring(DELIVERED_AT_PREFIX.length())) : 0;
    }

    // ---- counting changes, in the transaction that makes them ----

    /** Messages just accepted (all of them at {@code now}), with their attempts. */
    void accepted(List<PlannedMessage> messages, Instant now) {
        CountChanges changes = new CountChanges();
        for (PlannedMessage message : messages) {
            String status = messages(message.status());
            changes.add(message.companyId(), now, ALL_CHANNELS, status, 1);
            Set<Channel> channels = new LinkedHashSet<>();
            for (PlannedMessage.Attempt attempt : message.attempts()) {
                channels.add(attempt.channel());
                changes.add(message.companyId(), now, attempt.channel().name(), attempts(attempt.status()), 1);
            }
            channels.forEach(channel -> changes.add(message.companyId(), now, channel.name(), status, 1));
        }
        write(changes);
    }

    /** Messages moving from their stored status to a new one. */
    void messagesMoved(List<MessageStore.StatusChange> moves) {
        CountChanges changes = new CountChanges();
        for (MessageStore.StatusChange move : moves) {
            if (move.from() == move.to()) {
                continue;
            }
            MessageRow message = move.message();
            List<String> counted = new ArrayList<>();
            move.channels().forEach(channel -> counted.add(channel.name()));
            counted.add(ALL_CHANNELS);
            for (String channel : counted) {
                changes.add(message.companyId(), message.createdAt(), channel, messages(move.from()), -1);
                changes.add(message.companyId(), message.createdAt(), channel, messages(move.to()), 1);
            }
        }
        write(changes);
    }

    /**
     * Whether an attempt's delivery says how deep the cascade went: the cascade's own attempts only, and not a report
     * that came after the cascade had moved on (a late delivery), so that each delivered message counts at one step.
     */
    private static boolean countsForDepth(AttemptRow attempt, AttemptStatus before) {
        return !attempt.required() && before != AttemptStatus.EXPIRED;
    }

    /** Attempts about to be written, each with the status it has in the database before the write. */
    void attemptsChanged(Collection<MessageStore.AttemptUpdate> updates) {
        CountChanges changes = new CountChanges();
        for (MessageStore.AttemptUpdate update : updates) {
            AttemptRow attempt = update.to();
            AttemptStatus before = update.from();
            if (before == attempt.status()) {
                continue;
            }
            long company = attempt.companyId();
            String channel = attempt.channel().name();
            Instant acceptedAt = update.acceptedAt();
            changes.add(company, acceptedAt, channel, attempts(before), -1);
            changes.add(company, acceptedAt, channel, attempts(attempt.status()), 1);
            if (before.isDelivered() != attempt.status().isDelivered() && countsForDepth(attempt, before)) {
                changes.add(company, acceptedAt, channel, deliveredAt(attempt.step() + 1), attempt.status().isDelivered() ? 1 : -1);
            }
            if (attempt.status().isFallback() && !before.isFallback()) {
                changes.add(company, acceptedAt, channel, fallback(attempt.status()), 1);
            }
            if (attempt.status() == AttemptStatus.FAILED && AttemptSender.SESSION_CLOSED.equals(attempt.errorCode())) {
                changes.add(company, acceptedAt, channel, WINDOW_CLOSED, 1);
            }
            if (attempt.status().isDelivered() && !before.isDelivered()) {
                if (before == AttemptStatus.EXPIRED) {
                    changes.add(company, acceptedAt, channel, LATE_DELIVERY, 1);
                }
                if (attempt.sentAt() != null && attempt.finishedAt() != null) {
                    changes.add(company, acceptedAt, channel, deliveryTime(Duration.between(attempt.sentAt(), attempt.finishedAt())), 1);
                }
            }
        }
        write(changes);
    }

    /** A person clicked a short link of a message accepted at {@code acceptedAt}, sent on {@code channel}. */
    void clicked(long companyId, Instant acceptedAt, String channel) {
        CountChanges changes = new CountChanges();
        changes.add(companyId, acceptedAt, channel, CLICK, 1);
        write(changes);
    }

    private void write(CountChanges changes) {
        Map<CountChanges.Key, Long> amounts = changes.amounts();
        if (amounts.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("INSERT INTO message_count_change (company_id, hour_start, channel, measure, amount) VALUES (?, ?, ?, ?, ?)",
                amounts.entrySet().stream()
                    .map(e -> new Object[] { e.getKey().companyId(), times.bind(e.getKey().hour()), e.getKey().channel(), e.getKey().measure(),
                            e.getValue() })
                    .toList(),
                new int[] { Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.BIGINT });
    }

    // ---- folding ----

    /**
     * Moves up to {@code limit} appended changes into the counters; answers how many. The changes read are locked
     * (SKIP LOCKED: two nodes folding at once take different ones) and deleted by id, so a change committed while
     * this runs waits for the next fold instead of being lost.
     */
    @Transactional
    public int fold(int limit) {
        record Change(long id, CountChanges.Key key, long amount) {
        }
        List<Change> found = jdbc.sql("""
                SELECT id, company_id, hour_start, channel, measure, amount FROM message_count_change
                """ + claims.firstLocked("id"))
            .param(limit)
            .query((rs, row) -> new Change(rs.getLong("id"), new CountChanges.Key(rs.getLong("company_id"),
                    Sql.instant(rs, "hour_start"), rs.getString("channel"), rs.getString("measure")), rs.getLong("amount")))
            .list();
        if (found.isEmpty()) {
            return 0;
        }
        Map<CountChanges.Key, Long> sums = found.stream()
            .collect(Collectors.groupingBy(Change::key, Collectors.summingLong(Change::amount)));
        List<Map.Entry<CountChanges.Key, Long>> entries = new ArrayList<>(sums.entrySet());
        int[] updated = jdbcTemplate.batchUpdate(
                "UPDATE message_count SET amount = amount + ? WHERE company_id = ? AND hour_start = ? AND channel = ? AND measure = ?",
                entries.stream().map(e -> new Object[] { e.getValue(), e.getKey().companyId(), times.bind(e.getKey().hour()),
                        e.getKey().channel(), e.getKey().measure() }).toList(),
                new int[] { Types.BIGINT, Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR });
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] == 0) {
                CountChanges.Key key = entries.get(i).getKey();
                inserts.add(new Object[] { key.companyId(), times.bind(key.hour()), key.channel(), key.measure(), entries.get(i).getValue() });
            }
        }
        if (!inserts.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO message_count (company_id, hour_start, channel, measure, amount) VALUES (?, ?, ?, ?, ?)",
                    inserts, new int[] { Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.BIGINT });
        }
        jdbc.sql("DELETE FROM message_count_change WHERE id IN (:ids)").param("ids", found.stream().map(Change::id).toList()).update();
        return found.size();
    }

    // ---- reading ----

    /** One counter's amount for one hour, or (hour null) over a period; folded and not yet folded changes added. */
    public record Count(Instant hour, String channel, String measure, long amount) {
    }

    /**
     * The sum of the counters of {@code measures} on {@code channel} over the hours from {@code fromHour} to before
     * {@code toHour} (null: no bound).
     */
    public long sum(long companyId, Instant fromHour, Instant toHour, String channel, Collection<String> measures) {
        String where = "company_id = :company AND channel = :channel AND measure IN (:measures)"
                + (fromHour == null ? "" : " AND hour_start >= :from") + (toHour == null ? "" : " AND hour_start < :to");
        var statement = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM (SELECT amount FROM message_count WHERE " + where
                + " UNION ALL SELECT amount FROM message_count_change WHERE " + where + ") counted")
            .param("company", companyId)
            .param("channel", channel)
            .param("measures", measures);
        if (fromHour != null) {
            statement = statement.param("from", times.bind(fromHour));
        }
        if (toHour != null) {
            statement = statement.param("to", times.bind(toHour));
        }
        return statement.query(Long.class).single();
    }

    /**
     * The counters of the company (null: of every company, summed) over the hours from {@code fromHour} to before
     * {@code toHour}, as a statistics page shows them: each measure of each channel summed over the period (rows
     * without an hour), and the messages by status on {@code seriesChannel} hour by hour (rows with their hour).
     * Two grouped reads: at 60 days of a big company, reading every counter hour by hour took 280 ms.
     */
    public List<Count> overPeriod(Long companyId, Instant fromHour, Instant toHour, String seriesChannel) {
        String where = (companyId == null ? "" : "company_id = :company AND ") + "hour_start >= :from AND hour_start < :to";
        List<Count> found = new ArrayList<>(read("SELECT channel, measure, SUM(amount) AS amount FROM (SELECT channel, measure, amount"
                + " FROM message_count WHERE " + where + " UNION ALL SELECT channel, measure, amount FROM message_count_change WHERE " + where
                + ") counted GROUP BY channel, measure", companyId, fromHour, toHour, null, false));
        String series = where + " AND channel = :channel AND measure LIKE '" + MESSAGES_PREFIX + "%'";
        found.addAll(read("SELECT hour_start, measure, SUM(amount) AS amount FROM (SELECT hour_start, measure, amount FROM message_count"
                + " WHERE " + series + " UNION ALL SELECT hour_start, measure, amount FROM message_count_change WHERE " + series
                + ") counted GROUP BY hour_start, measure", companyId, fromHour, toHour, seriesChannel, true));
        return found;
    }

    private List<Count> read(String sql, Long companyId, Instant fromHour, Instant toHour, String channel, boolean hourly) {
        var statement = jdbc.sql(sql).param("from", times.bind(fromHour)).param("to", times.bind(toHour));
        if (companyId != null) {
            statement = statement.param("company", companyId);
        }
        if (channel != null) {
            statement = statement.param("channel", channel);
        }
        return statement.query((rs, row) -> new Count(hourly ? Sql.instant(rs, "hour_start") : null, hourly ? channel : rs.getString("channel"),
                rs.getString("measure"), rs.getLong("amount")))
            .list();
    }
}
