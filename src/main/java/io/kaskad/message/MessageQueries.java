package io.kaskad.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.kaskad.common.IndexHints;

/**
 * Read-only searches over a company's messages, for the statistics API (offset pages with a count)
 * and the portal (keyset pages that stay fast at millions of rows: {@code (created_at, id)} is indexed
 * per company).
 */
@Service
public class MessageQueries {

    private final JdbcClient jdbc;
    private final MessageCounts counts;
    private final IndexHints hints;

    MessageQueries(JdbcClient jdbc, MessageCounts counts, IndexHints hints) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.hints = hints;
    }

    public record Counted(long count, List<MessageSummary> items) {
    }

    /** One offset page, oldest first, and how many match in all. */
    public Counted search(long companyId, MessageFilter filter, int page, int limit, boolean withCount, boolean withItems) {
        Where where = where(companyId, filter);
        long count = withCount ? exactCount(companyId, filter).orElseGet(() -> count(where)) : -1;
        List<MessageSummary> items = withItems ? summaries(jdbc.sql(pageQuery(where, filter, page, limit))
            .params(where.params())
            .query(MessageStore::messageRow)
            .list(), filter) : List.of();
        return new Counted(count, items);
    }

    /**
     * An offset page read as a deferred join: the pages before it are skipped in the filter's index alone (its
     * entries hold the ids), and only the page's own rows are read. Skipping with the rows read page 100 of 60
     * days read 10,000 messages to show 100.
     */
    private static String pageQuery(Where where, MessageFilter filter, int page, int limit) {
        return "SELECT m.* FROM message m JOIN (SELECT m.id FROM " + where.from() + " WHERE " + where.sql() + " ORDER BY "
                + order(filter, "") + " LIMIT " + limit + " OFFSET " + ((long) page * limit) + ") paged ON paged.id = m.id ORDER BY "
                + order(filter, "");
    }

    /** How many messages match: exactly, or (when {@code moreThan}) more than {@code count}. */
    public record Total(long count, boolean moreThan) {
    }

    /**
     * How many messages match: exactly from the counters where the filter is what they count ({@link #exactCount});
     * otherwise (a recipient, a bulk, a task) counted up to {@code cap} and no further, so that such a filter costs
     * at most {@code cap} index entries, and the portal's list says "more than" beyond it.
     */
    public Total total(long companyId, MessageFilter filter, int cap) {
        OptionalLong exact = exactCount(companyId, filter);
        if (exact.isPresent()) {
            return new Total(exact.getAsLong(), false);
        }
        Where where = where(companyId, filter);
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM " + where.from() + " WHERE " + where.sql() + " LIMIT " + (cap + 1)
                + ") capped")
            .params(where.params())
            .query(Long.class)
            .single();
        return counted > cap ? new Total(cap, true) : new Total(counted, false);
    }

    /**
     * How many messages match, from the counters ({@link MessageCounts}) where the filter is what they count: a
     * period, a status, a channel. The whole hours of the period come from the counters; the parts of an hour at
     * either end (a period is rarely on the hour) are counted in the table, an index range of an hour at most.
     * Empty for a bulk, a task or a recipient, which their own indexes count.
     */
    OptionalLong exactCount(long companyId, MessageFilter filter) {
        if (filter.bulkId() != null || filter.taskId() != null || filter.recipient() != null) {
            return OptionalLong.empty();
        }
        Instant wholeFrom = filter.from() == null ? null : ceilingHour(filter.from());
        Instant wholeTo = filter.to() == null ? null : filter.to().truncatedTo(ChronoUnit.HOURS);
        if (wholeFrom != null && wholeTo != null && !wholeFrom.isBefore(wholeTo)) {
            return OptionalLong.of(count(where(companyId, filter))); // within an hour or two: the table's index range
        }
        List<String> measures = filter.status() != null ? List.of(MessageCounts.messages(filter.status()))
                : Arrays.stream(MessageStatus.values()).map(MessageCounts::messages).toList();
        long count = counts.sum(companyId, wholeFrom, wholeTo,
                filter.channel() == null ? MessageCounts.ALL_CHANNELS : filter.channel().name(), measures);
        if (wholeFrom != null && filter.from().isBefore(wholeFrom)) {
            count += count(where(companyId, within(filter, filter.from(), wholeFrom)));
        }
        if (wholeTo != null && wholeTo.isBefore(filter.to())) {
            count += count(where(companyId, within(filter, wholeTo, filter.to())));
        }
        return OptionalLong.of(count);
    }

    private static Instant ceilingHour(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(at) ? hour : hour.plus(1, ChronoUnit.HOURS);
    }

    private static MessageFilter within(MessageFilter filter, Instant from, Instant to) {
        return new MessageFilter(from, to, filter.status(), filter.channel(), filter.bulkId(), filter.taskId(), filter.recipient());
    }

    private long count(Where where) {
        Query count = countQuery(where);
        return jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
    }

    /** A statement and its parameters (package-private: the plan tests explain them). */
    record Query(String sql, List<Object> params) {
    }

    Query countQuery(long companyId, MessageFilter filter) {
        return countQuery(where(companyId, filter));
    }

    private static Query countQuery(Where where) {
        return new Query("SELECT COUNT(*) FROM " + where.from() + " WHERE " + where.sql(), where.params());
    }

    /**
     * The counters' measures ({@link MessageCounts}) of the messages of one bulk or task (and period, channel when
     * given), counted from the table, for the statistics page: the counters are kept per hour and channel, not per
     * bulk or task, whose own index reads their few thousand rows. Over the whole period (rows without an hour). What
     * the table no longer tells is derived: a late delivery is a delivered attempt after which the cascade handed a
     * later channel to a provider (it had moved on), which makes it an expiry too; delivery times are not kept.
     */
    public List<MessageCounts.Count> countsOf(long companyId, MessageFilter filter) {
        Instant at = null;
        Where where = where(companyId, filter);
        List<MessageCounts.Count> found = new ArrayList<>();
        jdbc.sql("SELECT m.status, COUNT(*) FROM " + where.from() + " WHERE " + where.sql() + " GROUP BY m.status")
            .params(where.params())
            .query(rs -> {
                found.add(new MessageCounts.Count(at, MessageCounts.ALL_CHANNELS, MessageCounts.messages(MessageStatus.valueOf(rs.getString(1))),
                        rs.getLong(2)));
            });
        String attempts = " FROM " + where.from() + " JOIN message_attempt a ON a.message_id = m.id WHERE " + where.sql();
        jdbc.sql("SELECT a.channel, m.status, COUNT(DISTINCT m.id)" + attempts + " GROUP BY a.channel, m.status")
            .params(where.params())
            .query(rs -> {
                found.add(new MessageCounts.Count(at, rs.getString(1), MessageCounts.messages(MessageStatus.valueOf(rs.getString(2))), rs.getLong(3)));
            });
        String movedOn = "EXISTS (SELECT 1 FROM message_attempt b WHERE b.message_id = a.message_id"
                + " AND b.step > a.step AND b.status IN ('SENT', 'DELIVERED', 'READ', 'FAILED', 'NO_ACCOUNT', 'EXPIRED'))";
        jdbc.sql("SELECT a.channel, a.status, a.step, COUNT(*), SUM(CASE WHEN " + movedOn + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.error_code = '" + AttemptSender.SESSION_CLOSED + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.required = FALSE AND NOT " + movedOn + " THEN 1 ELSE 0 END)"
                + attempts + " GROUP BY a.channel, a.status, a.step")
            .params(where.params())
            .query(rs -> {
                String channel = rs.getString(1);
                AttemptStatus status = AttemptStatus.valueOf(rs.getString(2));
                long count = rs.getLong(4);
                long late = status.isDelivered() ? rs.getLong(5) : 0;
                found.add(new MessageCounts.Count(at, channel, MessageCounts.attempts(status), count));
                if (status.isDelivered()) {
                    // the depth counts the cascade's own delivery of a message, once: not a required channel, not a late report
                    found.add(new MessageCounts.Count(at, channel, MessageCounts.deliveredAt(rs.getInt(3) + 1), rs.getLong(7)));
                    found.add(new MessageCounts.Count(at, channel, MessageCounts.LATE_DELIVERY, late));
                    found.add(new MessageCounts.Count(at, channel, MessageCounts.fallback(AttemptStatus.EXPIRED), late));
                }
                if (status.isFallback()) {
                    found.add(new MessageCounts.Count(at, channel, MessageCounts.fallback(status), count));
                }
                if (status == AttemptStatus.FAILED) {
                    found.add(new MessageCounts.Count(at, channel, MessageCounts.WINDOW_CLOSED, rs.getLong(6)));
                }
            });
        jdbc.sql("SELECT a.channel, COUNT(*)" + attempts.replace(" WHERE ", " JOIN short_link l ON l.message_id = m.id AND l.step = a.step"
                + " JOIN link_click c ON c.code = l.code AND c.bot = FALSE WHERE ") + " GROUP BY a.channel")
            .params(where.params())
            .query(rs -> {
                found.add(new MessageCounts.Count(at, rs.getString(1), MessageCounts.CLICK, rs.getLong(2)));
            });
        return found;
    }

    /**
     * The newest messages first, those after {@code beforeCursor} (a summary's cursor, the message's id) when
     * given, in the order the filter's index reads (see {@link #order}). Without a recipient, bulk or task the
     * order is {@code (created_at, id)}, the period and status indexes': ordered by id alone, a day a month ago
     * walked the primary key back through millions of rows (10 s at 5,000,000 messages).
     */
    public List<MessageSummary> newest(long companyId, MessageFilter filter, Long beforeCursor, int size) {
        Query page = newestQuery(companyId, filter, beforeCursor, size);
        if (page == null) {
            return List.of(); // the cursor is not a message of this company
        }
        return summaries(jdbc.sql(page.sql()).params(page.params()).query(MessageStore::messageRow).list(), filter);
    }

    /** The statement of {@link #newest}; null when the cursor is not a message of the company. */
    Query newestQuery(long companyId, MessageFilter filter, Long beforeCursor, int size) {
        Where where = where(companyId, filter);
        List<Object> params = new ArrayList<>(where.params());
        boolean selective = filter.recipient() != null || filter.bulkId() != null || filter.taskId() != null;
        String after = "";
        if (beforeCursor != null && selective) {
            after = " AND m.id < ?";
            params.add(beforeCursor);
        }
        else if (beforeCursor != null) {
            java.sql.Timestamp cursorAt = jdbc.sql("SELECT created_at FROM message WHERE id = ? AND company_id = ?")
                .params(beforeCursor, companyId)
                .query(java.sql.Timestamp.class)
                .optional()
                .orElse(null);
            if (cursorAt == null) {
                return null;
            }
            // a range on the index, then the ties of the cursor's instant by id
            after = " AND m.created_at <= ? AND (m.created_at < ? OR m.id < ?)";
            params.addAll(List.of(cursorAt, cursorAt, beforeCursor));
        }
        return new Query("SELECT m.* FROM " + where.from() + " WHERE " + where.sql() + after + " ORDER BY " + order(filter, " DESC")
                + " LIMIT " + size, params);
    }

    /**
     * Acceptance order ({@code direction} "" or " DESC"), said the way the filter's index reads it: messages get
     * their ids as they are accepted, so id order is {@code created_at} order. With a bulk or a task, that
     * column first (equal on every row): the optimizer then reads the {@code (company_id, bulk_id | task_id)}
     * index, whose entries are in id order, instead of walking the period index or the primary key to the
     * first match (a task over 60 days took 8 s). A recipient's few rows are sorted by id.
     */
    private static String order(MessageFilter filter, String direction) {
        if (filter.bulkId() != null) {
            return "m.bulk_id" + direction + ", m.id" + direction;
        }
        if (filter.taskId() != null) {
            return "m.task_id" + direction + ", m.id" + direction;
        }
        if (filter.recipient() != null) {
            return "m.id" + direction;
        }
        return "m.created_at" + direction + ", m.id" + direction;
    }

    /** One message as the list shows it. */
    public MessageSummary one(long companyId, String messageId) {
        List<MessageRow> rows = jdbc.sql("SELECT m.* FROM message m WHERE m.company_id = ? AND m.public_id = ?")
            .params(companyId, messageId)
            .query(MessageStore::messageRow)
            .list();
        if (rows.isEmpty()) {
            throw new io.kaskad.common.NotFoundException("Message", messageId);
        }
        return summaries(rows, MessageFilter.none()).get(0);
    }

    /** The table read ({@code message m} with the index that answers the filter), the conditions and their parameters. */
    private record Where(String from, String sql, List<Object> params) {
    }

    /**
     * The index that answers a filter, named in the statement ({@link IndexHints}) so that the plan does not hang on
     * the optimizer's estimates: a bulk's or a task's own; for a status, {@code (company_id, status, created_at, id)};
     * otherwise {@code (company_id, created_at)}. None for a recipient, read from the phone and e-mail indexes
     * together, which no single hint says; none for a channel, whose messages are found from the channel's attempts
     * (their index is named in the subquery): walking the period's messages to probe each took 30 s for a channel
     * no message of 5,000,000 had.
     */
    static String indexFor(MessageFilter filter) {
        if (filter.bulkId() != null) {
            return "ix_message_company_bulk";
        }
        if (filter.taskId() != null) {
            return "ix_message_company_task";
        }
        if (filter.recipient() != null || filter.channel() != null) {
            return null;
        }
        return filter.status() != null ? "ix_message_company_status_created" : "ix_message_company_created";
    }

    private Where where(long companyId, MessageFilter filter) {
        String index = indexFor(filter);
        String from = "message m" + (index == null ? "" : hints.use(index));
        StringBuilder sql = new StringBuilder("m.company_id = ?");
        List<Object> params = new ArrayList<>(List.of(companyId));
        if (filter.from() != null) {
            sql.append(" AND m.created_at >= ?");
            params.add(Sql.ts(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND m.created_at < ?");
            params.add(Sql.ts(filter.to()));
        }
        if (filter.status() != null) {
            sql.append(" AND m.status = ?");
            params.add(filter.status().name());
        }
        if (filter.bulkId() != null) {
            sql.append(" AND m.bulk_id = ?");
            params.add(filter.bulkId());
        }
        if (filter.taskId() != null) {
            sql.append(" AND m.task_id = ?");
            params.add(filter.taskId());
        }
        if (filter.recipient() != null) {
            sql.append(" AND (m.phone = ? OR m.phone = ? OR m.email = ?)");
            String recipient = filter.recipient().strip();
            params.add(recipient);
            params.add(recipient.startsWith("+") ? recipient.substring(1) : "+" + recipient);
            params.add(recipient);
        }
        if (filter.channel() != null) {
            // the channel's attempts of the company, an index range: probing each message's attempts instead took
            // 26 s to find that no message of 5,000,000 used a channel
            sql.append(" AND m.id IN (SELECT a.message_id FROM message_attempt a" + hints.use("ix_attempt_company_channel_message")
                    + " WHERE a.company_id = ? AND a.channel = ?)");
            params.add(companyId);
            params.add(filter.channel().name());
        }
        return new Where(from, sql.toString(), params);
    }

    /** Adds each message's significant attempt, read in one query for the whole page. */
    private List<MessageSummary> summaries(List<MessageRow> rows, MessageFilter filter) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Attempt>> attempts = new HashMap<>();
        jdbc.sql("SELECT message_id, step, channel, status, provider_message_id FROM message_attempt WHERE message_id IN (:ids)")
            .param("ids", rows.stream().map(MessageRow::id).toList())
            .query((rs, n) -> new Attempt(rs.getLong(1), rs.getInt(2), io.kaskad.channel.Channel.valueOf(rs.getString(3)),
                    AttemptStatus.valueOf(rs.getString(4)), rs.getString(5)))
            .list()
            .forEach(attempt -> attempts.computeIfAbsent(attempt.messageId(), id -> new ArrayList<>()).add(attempt));
        Map<Long, Long> clicks = new HashMap<>();
        jdbc.sql("""
                SELECT l.message_id, COUNT(*) FROM short_link l JOIN link_click c ON c.code = l.code AND c.bot = FALSE
                WHERE l.message_id IN (:ids) GROUP BY l.message_id""")
            .param("ids", rows.stream().map(MessageRow::id).toList())
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
            .list()
            .forEach(count -> clicks.put(count.getKey(), count.getValue()));
        return rows.stream().map(m -> {
            Attempt significant = significant(attempts.getOrDefault(m.id(), List.of()), filter);
            return new MessageSummary(m.id(), m.publicId(), m.bulkId(), m.groupId(), m.flowId(), m.taskId(), m.status(),
                    significant == null ? m.firstChannel() : significant.channel(),
                    significant == null ? null : significant.providerMessageId(), m.phone(), m.email(), m.messengerUserId(),
                    m.deviceId(), m.sendAt(), m.createdAt(), m.updatedAt(), m.errorCode(), clicks.getOrDefault(m.id(), 0L));
        }).collect(Collectors.toList());
    }

    private record Attempt(long messageId, int step, io.kaskad.channel.Channel channel, AttemptStatus status,
            String providerMessageId) {
    }

    private static Attempt significant(List<Attempt> attempts, MessageFilter filter) {
        if (filter.channel() != null) {
            return attempts.stream().filter(a -> a.channel() == filter.channel()).findFirst().orElse(null);
        }
        return attempts.stream().filter(a -> a.status().isDelivered()).findFirst()
            .or(() -> attempts.stream().filter(a -> a.status().isHandedToProvider()).max(Comparator.comparingInt(Attempt::step)))
            .or(() -> attempts.stream().min(Comparator.comparingInt(Attempt::step)))
            .orElse(null);
    }
}
