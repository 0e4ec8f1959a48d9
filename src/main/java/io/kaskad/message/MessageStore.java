package io.kaskad.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.kaskad.channel.Channel;
import io.kaskad.common.IndexHints;
import io.kaskad.common.SkipLockedClaims;
import io.kaskad.common.SqlVariables;
import io.kaskad.common.Strings;
import io.kaskad.common.TimestampBinding;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages and attempts in SQL. Hand-written and batched because these are the hot paths (ingest
 * of thousands of destinations per request, dispatch of thousands of attempts per second).
 *
 * <p>Locking protocol: every change to a message's attempts happens while holding the message's row
 * lock, taken in ascending id order. Only the dispatcher's claim locks attempt rows first, and it
 * uses SKIP LOCKED for both, so it never waits and never deadlocks.
 */
@Repository
class MessageStore {

    /** The reference column's length (Kaskad's references are {@code <uuid>/<step>}). */
    private static final int MAX_REFERENCE = 80;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;
    private final ShortLinks shortLinks;
    private final TimestampBinding times;
    private final MessageCounts counts;
    private final SkipLockedClaims claims;
    private final IndexHints hints;
    private final SqlVariables variables;

    MessageStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json, ShortLinks shortLinks, TimestampBinding times,
            MessageCounts counts, SkipLockedClaims claims, IndexHints hints, SqlVariables variables) {
        this.variables = variables;
        this.claims = claims;
        this.hints = hints;
        this.times = times;
        this.counts = counts;
        this.shortLinks = shortLinks;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    // ---- ingest ----

    void insert(List<PlannedMessage> messages, Instant now) {
        long[] ids = insertMessages(messages, now);
        List<PlannedMessage> withFreeCodes = withFreeShortLinkCodes(messages);
        insertAttempts(withFreeCodes, ids, now);
        insertShortLinks(withFreeCodes, ids, now);
        counts.accepted(messages, now);
    }

    /**
     * The messages with any short-link code that is already taken (by a stored link, or twice in this batch)
     * drawn again, in its attempt's text too. Codes are random: at millions of links a repeat is rare but
     * possible, and it would fail the whole send on the table's key.
     */
    private List<PlannedMessage> withFreeShortLinkCodes(List<PlannedMessage> messages) {
        List<String> codes = messages.stream()
            .flatMap(message -> message.attempts().stream())
            .flatMap(attempt -> attempt.links().stream())
            .map(ShortLinks.Link::code)
            .toList();
        if (codes.isEmpty()) {
            return messages;
        }
        Set<String> taken = new HashSet<>();
        for (int from = 0; from < codes.size(); from += 1000) {
            taken.addAll(jdbc.sql("SELECT code FROM short_link WHERE code IN (:codes)")
                .param("codes", codes.subList(from, Math.min(codes.size(), from + 1000)))
                .query(String.class)
                .list());
        }
        Set<String> seen = new HashSet<>();
        List<PlannedMessage> out = new ArrayList<>(messages.size());
        for (PlannedMessage message : messages) {
            List<PlannedMessage.Attempt> attempts = new ArrayList<>();
            for (PlannedMessage.Attempt attempt : message.attempts()) {
                PlannedMessage.Attempt free = attempt;
                for (ShortLinks.Link link : attempt.links()) {
                    String code = link.code();
                    while (taken.contains(code) || !seen.add(code)) {
                        code = shortLinks.newCode();
                    }
                    if (!code.equals(link.code())) {
                        free = free.withCode(link.code(), code);
                    }
                }
                attempts.add(free);
            }
            out.add(message.withAttempts(attempts));
        }
        return out;
    }

    private void insertShortLinks(List<PlannedMessage> messages, long[] ids, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            PlannedMessage message = messages.get(i);
            for (PlannedMessage.Attempt attempt : message.attempts()) {
                for (ShortLinks.Link link : attempt.links()) {
                    rows.add(new Object[] { link.code(), message.companyId(), ids[i], attempt.step(), link.position(), link.url(), link.base(),
                            times.bind(now) });
                }
            }
        }
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO short_link (code, company_id, message_id, step, position, url, base_url, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                    new int[] { Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
                        Types.TIMESTAMP });
        }
    }

    private long[] insertMessages(List<PlannedMessage> messages, Instant now) {
        Object acceptedAt = times.bind(now);
        RowInserts<PlannedMessage> inserts = new RowInserts<>("message", List.of(
                new RowInserts.Column<>("public_id", Types.VARCHAR, PlannedMessage::publicId),
                new RowInserts.Column<>("company_id", Types.BIGINT, PlannedMessage::companyId),
                new RowInserts.Column<>("bulk_id", Types.VARCHAR, PlannedMessage::bulkId),
                new RowInserts.Column<>("flow_id", Types.VARCHAR, PlannedMessage::flowId),
                new RowInserts.Column<>("group_id", Types.VARCHAR, PlannedMessage::groupId),
                new RowInserts.Column<>("task_id", Types.VARCHAR, message -> message.spec().taskId()),
                new RowInserts.Column<>("template_id", Types.VARCHAR, message -> message.spec().templateId()),
                new RowInserts.Column<>("phone", Types.VARCHAR, message -> Strings.blankToNull(message.destination().phone())),
                new RowInserts.Column<>("email", Types.VARCHAR, message -> Strings.blankToNull(message.destination().email())),
                new RowInserts.Column<>("messenger_user_id", Types.VARCHAR,
                        message -> Strings.blankToNull(message.destination().messengerUserId())),
                new RowInserts.Column<>("device_id", Types.VARCHAR, message -> Strings.blankToNull(message.destination().deviceId())),
                new RowInserts.Column<>("timezone", Types.VARCHAR,
                        message -> message.zone() == null ? message.destination().timezone() : message.zone().getId()),
                new RowInserts.Column<>("variables", Types.VARCHAR, message -> message.destination().variables() == null ? null
                        : json.writeValueAsString(message.destination().variables())),
                new RowInserts.Column<>("status", Types.VARCHAR, message -> message.status().name()),
                new RowInserts.Column<>("first_channel", Types.VARCHAR,
                        message -> message.firstChannel() == null ? null : message.firstChannel().name()),
                new RowInserts.Column<>("send_at", Types.TIMESTAMP,
                        message -> message.spec().sendAt() == null ? null : times.bind(message.spec().sendAt().toInstant())),
                new RowInserts.Column<>("allowed_time_ranges", Types.VARCHAR, message -> message.windows().stored()),
                new RowInserts.Column<>("validity_minutes", Types.INTEGER, message -> message.spec().validityPeriod() == null
                        ? SendRequest.DEFAULT_VALIDITY_MINUTES : message.spec().validityPeriod()),
                new RowInserts.Column<>("use_short_links", Types.BOOLEAN, message -> Boolean.TRUE.equals(message.spec().useShortLinks())),
                new RowInserts.Column<>("image_url", Types.VARCHAR, message -> message.spec().imageUrl()),
                new RowInserts.Column<>("button_url", Types.VARCHAR, message -> message.spec().buttonUrl()),
                new RowInserts.Column<>("button_text", Types.VARCHAR, message -> message.spec().buttonText()),
                new RowInserts.Column<>("callback_url", Types.VARCHAR, message -> message.spec().callbackUrl()),
                new RowInserts.Column<>("callback_data", Types.VARCHAR, message -> message.spec().callbackData()),
                new RowInserts.Column<>("error_code", Types.VARCHAR, message -> message.rejection() == null ? null : message.rejection().code()),
                new RowInserts.Column<>("error_message", Types.VARCHAR,
                        message -> message.rejection() == null ? null : message.rejection().field()),
                new RowInserts.Column<>("created_at", Types.TIMESTAMP, message -> acceptedAt),
                new RowInserts.Column<>("updated_at", Types.TIMESTAMP, message -> acceptedAt)), variables);
        return jdbcTemplate.execute((ConnectionCallback<long[]>) connection -> inserts.insertReturningIds(connection, messages));
    }

    /** An attempt to insert: of the message with generated id {@code messageId}. */
    private record NewAttempt(long messageId, PlannedMessage message, PlannedMessage.Attempt attempt) {
    }

    private void insertAttempts(List<PlannedMessage> messages, long[] ids, Instant now) {
        List<NewAttempt> rows = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            for (PlannedMessage.Attempt attempt : messages.get(i).attempts()) {
                rows.add(new NewAttempt(ids[i], messages.get(i), attempt));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Object updatedAt = times.bind(now);
        RowInserts<NewAttempt> inserts = new RowInserts<>("message_attempt", List.of(
                new RowInserts.Column<>("message_id", Types.BIGINT, NewAttempt::messageId),
                new RowInserts.Column<>("company_id", Types.BIGINT, row -> row.message().companyId()),
                new RowInserts.Column<>("step", Types.INTEGER, row -> row.attempt().step()),
                new RowInserts.Column<>("channel", Types.VARCHAR, row -> row.attempt().channel().name()),
                new RowInserts.Column<>("required", Types.BOOLEAN, row -> row.attempt().required()),
                new RowInserts.Column<>("status", Types.VARCHAR, row -> row.attempt().status().name()),
                new RowInserts.Column<>("address", Types.VARCHAR, row -> row.attempt().address()),
                new RowInserts.Column<>("text", Types.VARCHAR, row -> row.attempt().text()),
                new RowInserts.Column<>("parameters", Types.VARCHAR, row -> row.attempt().parametersJson()),
                new RowInserts.Column<>("due_at", Types.TIMESTAMP,
                        row -> row.attempt().status() == AttemptStatus.QUEUED ? times.bind(row.message().dueAt()) : null),
                new RowInserts.Column<>("updated_at", Types.TIMESTAMP, row -> updatedAt)), variables);
        jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
            inserts.insert(connection, rows);
            return null;
        });
    }

    // ---- reading ----

    Optional<MessageRow> find(long companyId, String publicId) {
        return jdbc.sql("SELECT * FROM message WHERE company_id = ? AND public_id = ?")
            .params(companyId, publicId)
            .query(MessageStore::messageRow)
            .optional();
    }

    List<Long> messageIdsOfBulk(long companyId, String bulkId) {
        return jdbc.sql("SELECT id FROM message WHERE company_id = ? AND bulk_id = ? ORDER BY id")
            .params(companyId, bulkId)
            .query(Long.class)
            .list();
    }

    Map<MessageStatus, Long> countByStatus(long companyId, String taskId) {
        Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM message WHERE company_id = ? AND task_id = ? GROUP BY status")
            .params(companyId, taskId)
            .query(rs -> {
                byStatus.put(MessageStatus.valueOf(rs.getString(1)), rs.getLong(2));
            });
        return byStatus;
    }

    Map<String, MessageStatus> statuses(long companyId, Collection<String> publicIds) {
        Map<String, MessageStatus> statuses = new HashMap<>();
        if (publicIds.isEmpty()) {
            return statuses;
        }
        jdbc.sql("SELECT public_id, status FROM message WHERE company_id = :company AND public_id IN (:ids)")
            .param("company", companyId)
            .param("ids", publicIds)
            .query(rs -> {
                statuses.put(rs.getString(1), MessageStatus.valueOf(rs.getString(2)));
            });
        return statuses;
    }

    List<AttemptRow> attempts(long messageId) {
        return attempts(List.of(messageId));
    }

    /**
     * The attempts of the messages, in order. The index is named: right after a burst was accepted, MariaDB's statistics
     * still counted the table as small, and it read all of a 50,000-row table through this index for each batch's
     * answers (to save sorting 500 rows) instead of the 500 ranges.
     */
    List<AttemptRow> attempts(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM message_attempt" + hints.useConstraintIndex("uq_attempt_message_step")
                + " WHERE message_id IN (:ids) ORDER BY message_id, step")
            .param("ids", messageIds)
            .query(MessageStore::attemptRow)
            .list();
    }

    // ---- locking ----

    /** Locks the messages, waiting for other writers, in ascending id order; answers their rows. */
    List<MessageRow> lockMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM message WHERE id IN (:ids) ORDER BY id FOR UPDATE")
            .param("ids", messageIds)
            .query(MessageStore::messageRow)
            .list();
    }

    /**
     * Locks the messages like {@link #lockMessages}, reading only their statuses (by id, in id order): for a caller that
     * holds their rows already, as the dispatcher does between its claim and its answers. A message's status (with its
     * updated time) is all of it that changes once it is stored; decoding whole rows again was a tenth of the dispatch
     * threads' time.
     */
    Map<Long, MessageStatus> lockStatuses(Collection<Long> messageIds) {
        Map<Long, MessageStatus> statuses = new LinkedHashMap<>();
        if (!messageIds.isEmpty()) {
            jdbc.sql("SELECT id, status FROM message WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", messageIds)
                .query(rs -> {
                    statuses.put(rs.getLong(1), MessageStatus.valueOf(rs.getString(2)));
                });
        }
        return statuses;
    }

    /** Locks those of the messages nobody else holds, without waiting; answers their rows. */
    List<MessageRow> lockFreeMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM message WHERE id IN (:ids) ORDER BY id FOR UPDATE SKIP LOCKED")
            .param("ids", messageIds)
            .query(MessageStore::messageRow)
            .list();
    }

    /** Queued attempts due by {@code now}, locked for this transaction, skipping those another worker holds. */
    List<AttemptRow> claimQueued(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM message_attempt WHERE status = 'QUEUED' AND due_at <= ?
                """ + claims.firstLocked("due_at"))
            .params(times.bind(now), limit)
            .query(MessageStore::attemptRow)
            .list();
    }

    /**
     * Records claimed attempts as handed to their providers, before the calls: only those still claimed by
     * this batch (still SENDING, not handed over, with the claim's lease as set) — an attempt whose claim
     * ran out was queued again and may be another node's now. Answers the ids recorded.
     */
    Set<Long> markHandedOver(List<Long> attemptIds, Instant claimLease, Instant handedOverAt, Instant leaseEnd) {
        // compared as stored: whole milliseconds survive every database's DATETIME(6) unchanged
        Instant handedAt = handedOverAt.truncatedTo(ChronoUnit.MILLIS);
        // by the ids: the claim gave every attempt of the batch the same lease, so MariaDB read the batch through
        // (status, due_at) and, that index changing under it, buffered the rows first: the costliest update per row
        int marked = jdbc.sql("UPDATE message_attempt" + hints.useConstraintIndex("PRIMARY") + """
                 SET handed_over_at = :handedAt, due_at = :leaseEnd
                WHERE id IN (:ids) AND status = 'SENDING' AND handed_over_at IS NULL AND due_at = :claimLease""")
            .param("handedAt", times.bind(handedAt))
            .param("leaseEnd", times.bind(leaseEnd))
            .param("ids", attemptIds)
            .param("claimLease", times.bind(claimLease))
            .update();
        if (marked == attemptIds.size()) {
            return new HashSet<>(attemptIds); // the usual case: no claim was lost, nothing to look up
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM message_attempt WHERE id IN (:ids) AND handed_over_at = :handedAt")
            .param("ids", attemptIds)
            .param("handedAt", times.bind(handedAt))
            .query(Long.class)
            .list());
    }

    /** An attempt whose time ran out, with when it was handed to its provider (null: never). */
    record Overdue(AttemptRow attempt, Instant handedOverAt) {
    }

    /** Attempts whose time ran out: sent without a report within validity, or stuck in a provider call. */
    List<Overdue> overdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM message_attempt WHERE status IN ('SENT', 'SENDING') AND due_at <= ?
                ORDER BY due_at LIMIT ?""")
            .params(times.bind(now), limit)
            .query((rs, row) -> new Overdue(attemptRow(rs, row), Sql.instant(rs, "handed_over_at")))
            .list();
    }

    /**
     * Attempts by Kaskad's reference ({@code <message public id>/<step>}, as passed to providers), for
     * reports whose provider id was never recorded. Answers them by reference.
     */
    Map<String, AttemptRow> byReferences(Collection<String> references) {
        Map<String, Integer> steps = new HashMap<>();
        for (String reference : references) {
            int slash = reference == null ? -1 : reference.lastIndexOf('/');
            if (slash > 0) {
                try {
                    steps.put(reference.substring(0, slash), Integer.parseInt(reference.substring(slash + 1)));
                }
                catch (NumberFormatException notOurs) {
                    // a reference Kaskad did not write matches nothing
                }
            }
        }
        if (steps.isEmpty()) {
            return Map.of();
        }
        Map<String, AttemptRow> found = new HashMap<>();
        jdbc.sql("SELECT a.*, m.public_id AS message_public_id FROM message m JOIN message_attempt a ON a.message_id = m.id"
                + " WHERE m.public_id IN (:ids)")
            .param("ids", steps.keySet())
            .query((rs, row) -> {
                String publicId = rs.getString("message_public_id");
                AttemptRow attempt = attemptRow(rs, row);
                if (steps.get(publicId) == attempt.step()) {
                    found.put(publicId + "/" + attempt.step(), attempt);
                }
                return attempt;
            })
            .list();
        return found;
    }

    List<AttemptRow> byProviderMessageIds(Collection<String> providerMessageIds) {
        if (providerMessageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM message_attempt WHERE provider_message_id IN (:ids)")
            .param("ids", providerMessageIds)
            .query(MessageStore::attemptRow)
            .list();
    }

    // ---- reports that came before their attempt was recorded ----

    void parkReport(String channel, String providerMessageId, String reference, String status, Instant at, Long connectionId) {
        // a provider's webhook may send anything as a reference: Kaskad's own are short, a longer one matches nothing anyway
        String storedReference = reference == null || reference.length() <= MAX_REFERENCE ? reference : null;
        jdbc.sql("INSERT INTO unmatched_report (channel, provider_message_id, reference, status, received_at, tries, next_try_at, "
                + "connection_id) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
            .params(channel, providerMessageId, storedReference, status, times.bind(at), times.bind(at), connectionId)
            .update();
    }

    /** Parked reports whose next try is due, those waiting longest first: each row keeps its own turn. */
    List<ParkedReport> parkedReports(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM unmatched_report WHERE next_try_at <= ? " + claims.firstLocked("next_try_at"))
            .params(times.bind(now), limit)
            .query((rs, row) -> new ParkedReport(rs.getLong("id"), rs.getString("channel"), rs.getString("provider_message_id"),
                    rs.getString("reference"), rs.getString("status"), Sql.instant(rs, "received_at"), rs.getInt("tries"),
                    connectionId(rs)))
            .list();
    }

    /** Parked reports that matched nothing yet: each tries again after its own, growing pause. */
    void retryParkedLater(List<ParkedReport> reports, Instant now) {
        if (reports.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("UPDATE unmatched_report SET tries = ?, next_try_at = ? WHERE id = ?", reports.stream()
            .map(report -> new Object[] { report.tries() + 1, times.bind(now.plus(ParkedReports.pauseAfter(report.tries() + 1))), report.id() })
            .toList(), new int[] { Types.INTEGER, Types.TIMESTAMP, Types.BIGINT });
    }

    void deleteParkedReports(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM unmatched_report WHERE id IN (:ids)").param("ids", ids).update();
        }
    }

    record ParkedReport(long id, String channel, String providerMessageId, String reference, String status, Instant receivedAt,
            int tries, Long connectionId) {
    }

    // ---- writing ----

    /** What a change to an attempt writes. */
    private static final RowUpdates ATTEMPT_CHANGES = new RowUpdates("message_attempt", List.of(
            new RowUpdates.Column("status = ?", Types.VARCHAR), new RowUpdates.Column("due_at = ?", Types.TIMESTAMP),
            new RowUpdates.Column("provider = ?", Types.VARCHAR), new RowUpdates.Column("provider_message_id = ?", Types.VARCHAR),
            new RowUpdates.Column("error_code = ?", Types.VARCHAR), new RowUpdates.Column("error_message = ?", Types.VARCHAR),
            new RowUpdates.Column("sent_at = ?", Types.TIMESTAMP), new RowUpdates.Column("finished_at = ?", Types.TIMESTAMP),
            new RowUpdates.Column("updated_at = ?", Types.TIMESTAMP), new RowUpdates.Column("connection_id = ?", Types.BIGINT),
            new RowUpdates.Column("provider_tries = ?", Types.INTEGER), new RowUpdates.Column("first_tried_at = ?", Types.TIMESTAMP),
            // a queued attempt is with no provider: its next claim records its own hand-over (see markHandedOver)
            new RowUpdates.Column("handed_over_at = CASE WHEN ? THEN NULL ELSE handed_over_at END", Types.BOOLEAN)));

    private static final RowUpdates MESSAGE_STATUSES = new RowUpdates("message", List.of(
            new RowUpdates.Column("status = ?", Types.VARCHAR), new RowUpdates.Column("updated_at = ?", Types.TIMESTAMP)));

    /**
     * Writes attempts' new states, in few statements ({@link RowUpdates}): this is the dispatcher's hottest write; counted
     * ({@link MessageCounts}) from what the callers hold, without reading the rows again.
     */
    void updateAttempts(List<AttemptUpdate> updates, Instant now) {
        counts.attemptsChanged(updates);
        Map<Long, List<Object>> values = new LinkedHashMap<>();
        updates.stream().map(AttemptUpdate::to).forEach(a -> values.put(a.id(), Arrays.asList(a.status().name(), times.bind(a.dueAt()),
                a.provider(), a.providerMessageId(), a.errorCode(), a.errorMessage(), times.bind(a.sentAt()), times.bind(a.finishedAt()),
                times.bind(now), a.connectionId(), a.providerTries(), times.bind(a.firstTriedAt()), a.status() == AttemptStatus.QUEUED)));
        ATTEMPT_CHANGES.write(jdbcTemplate, values);
    }

    /**
     * A claim's writes: attempts taken from the queue (so not handed over: a queued attempt never is) move to SENDING or
     * back to the queue for later, their status and due time changed and nothing else; those of {@code handedOver} are
     * recorded as handed to their providers now, their lease (the due time set) counting from this moment.
     */
    void updateClaimedAttempts(List<AttemptUpdate> updates, Set<Long> handedOver, Instant now) {
        counts.attemptsChanged(updates);
        Object at = times.bind(now);
        Map<Long, List<Object>> values = new LinkedHashMap<>();
        updates.stream().map(AttemptUpdate::to).forEach(a -> values.put(a.id(), Arrays.asList(a.status().name(), times.bind(a.dueAt()),
                at, handedOver.contains(a.id()) ? at : null)));
        CLAIMS.write(jdbcTemplate, values);
    }

    private static final RowUpdates CLAIMS = new RowUpdates("message_attempt", List.of(new RowUpdates.Column("status = ?", Types.VARCHAR),
            new RowUpdates.Column("due_at = ?", Types.TIMESTAMP), new RowUpdates.Column("updated_at = ?", Types.TIMESTAMP),
            new RowUpdates.Column("handed_over_at = ?", Types.TIMESTAMP)));

    /**
     * An attempt's new state {@code to}, from the status it has in the database now ({@code from}: read under its
     * message's lock, or claimed), of a message accepted at {@code acceptedAt} (the hour its counters are kept under).
     */
    record AttemptUpdate(AttemptStatus from, AttemptRow to, Instant acceptedAt) {

        /** A change to an attempt as the caller read it, of {@code message}. */
        static AttemptUpdate of(AttemptRow stored, AttemptRow to, MessageRow message) {
            return new AttemptUpdate(stored.status(), to, message.createdAt());
        }
    }

    /** Moves messages to their new statuses (their callbacks are queued by {@link Callbacks#queue}, in the same transaction). */
    void updateMessageStatuses(List<StatusChange> changes, Instant now) {
        Map<Long, List<Object>> statuses = new LinkedHashMap<>();
        changes.forEach(change -> statuses.put(change.message().id(), List.of(change.to().name(), times.bind(now))));
        MESSAGE_STATUSES.write(jdbcTemplate, statuses);
        counts.messagesMoved(changes);
    }

    /**
     * A message's status moving on, from {@code message.status()} to {@code to}; {@code channels}: those the message
     * has attempts on, whose counters count it too.
     */
    record StatusChange(MessageRow message, MessageStatus to, Set<Channel> channels) {

        MessageStatus from() {
            return message.status();
        }

        /** A change of a message whose attempts the caller holds, all of them. */
        static StatusChange of(MessageRow message, MessageStatus to, Collection<AttemptRow> attempts) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            attempts.forEach(attempt -> channels.add(attempt.channel()));
            return new StatusChange(message, to, channels);
        }
    }

    /** The channels each of the messages has attempts on (one read of the covering index {@code (message_id, channel)}). */
    Map<Long, Set<Channel>> channelsOf(Collection<Long> messageIds) {
        Map<Long, Set<Channel>> channels = new HashMap<>();
        if (messageIds.isEmpty()) {
            return channels;
        }
        jdbc.sql("SELECT DISTINCT message_id, channel FROM message_attempt" + hints.use("ix_attempt_message_channel")
                + " WHERE message_id IN (:ids)")
            .param("ids", messageIds)
            .query(rs -> {
                channels.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Channel.class)).add(Channel.valueOf(rs.getString(2)));
            });
        return channels;
    }

    // ---- mapping ----

    static MessageRow messageRow(ResultSet rs, int row) throws SQLException {
        return new MessageRow(rs.getLong("id"), rs.getString("public_id"), rs.getLong("company_id"), rs.getString("bulk_id"),
                rs.getString("flow_id"), rs.getString("group_id"), rs.getString("task_id"), rs.getString("template_id"),
                rs.getString("phone"), rs.getString("email"), rs.getString("messenger_user_id"), rs.getString("device_id"),
                rs.getString("timezone"), rs.getString("variables"), MessageStatus.valueOf(rs.getString("status")),
                rs.getString("first_channel") == null ? null : Channel.valueOf(rs.getString("first_channel")),
                Sql.instant(rs, "send_at"), rs.getString("allowed_time_ranges"), rs.getInt("validity_minutes"),
                rs.getString("callback_url"), rs.getString("callback_data"), rs.getString("error_code"),
                rs.getString("error_message"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static AttemptRow attemptRow(ResultSet rs, int row) throws SQLException {
        return new AttemptRow(rs.getLong("id"), rs.getLong("message_id"), rs.getLong("company_id"), rs.getInt("step"),
                Channel.valueOf(rs.getString("channel")), rs.getBoolean("required"), AttemptStatus.valueOf(rs.getString("status")),
                rs.getString("address"), rs.getString("text"), rs.getString("parameters"), Sql.instant(rs, "due_at"),
                rs.getString("provider"), rs.getString("provider_message_id"), rs.getString("error_code"),
                rs.getString("error_message"), Sql.instant(rs, "sent_at"), Sql.instant(rs, "finished_at"),
                Sql.instant(rs, "updated_at"), connectionId(rs), rs.getInt("provider_tries"), Sql.instant(rs, "first_tried_at"));
    }

    private static Long connectionId(ResultSet rs) throws SQLException {
        long id = rs.getLong("connection_id");
        return rs.wasNull() ? null : id;
    }
}
