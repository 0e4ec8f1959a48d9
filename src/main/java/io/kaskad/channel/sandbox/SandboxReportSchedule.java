package io.kaskad.channel.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.kaskad.channel.Channel;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports;
import io.kaskad.common.SkipLockedClaims;

/**
 * The reports the sandbox will "receive", with their due times in the database, so that a report
 * survives a restart and any node of a cluster can deliver it. Claimed the way the dispatcher claims
 * attempts: a short transaction takes due rows (SKIP LOCKED) and pushes them a lease ahead, the reports
 * are applied in their own transactions, and the rows are deleted after. No transaction holds report
 * rows while it locks messages (which deadlocked with concurrent sends on MariaDB); a node that dies in
 * between leaves its rows to come due again, and a report applied twice changes nothing.
 */
@Component
class SandboxReportSchedule {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SandboxProperties properties;
    private final DeliveryReports deliveryReports;
    private final TransactionTemplate transaction;
    private final SkipLockedClaims claims;

    SandboxReportSchedule(JdbcClient jdbc, Clock clock, SandboxProperties properties, DeliveryReports deliveryReports,
            PlatformTransactionManager transactions, SkipLockedClaims claims) {
        this.claims = claims;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.deliveryReports = deliveryReports;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Schedules a report {@code delays} simulated delivery delays from now; {@code reference} is Kaskad's id of the attempt. */
    void schedule(Channel channel, String providerMessageId, String reference, DeliveryReport.Status status, int delays) {
        Instant due = clock.instant().plus(properties.deliveryDelay().multipliedBy(delays));
        jdbc.sql("INSERT INTO sandbox_report (channel, provider_message_id, reference, status, due_at) VALUES (?, ?, ?, ?, ?)")
            .params(channel.name(), providerMessageId, reference, status.name(), Timestamp.from(due))
            .update();
    }

    /** Delivers up to {@code limit} due reports; answers how many. */
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        List<Due> due = transaction.execute(status -> claim(now, limit));
        if (due == null || due.isEmpty()) {
            return 0;
        }
        deliveryReports.record(due.stream()
            .map(report -> new DeliveryReport(report.channel(), report.providerMessageId(), report.status(), null, null, now,
                    report.reference()))
            .toList());
        transaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM sandbox_report WHERE id IN (:ids)")
            .param("ids", due.stream().map(Due::id).toList())
            .update());
        return due.size();
    }

    private List<Due> claim(Instant now, int limit) {
        List<Due> due = jdbc.sql("""
                SELECT id, channel, provider_message_id, reference, status FROM sandbox_report
                WHERE due_at <= ?
                """ + claims.firstLocked("due_at"))
            .params(Timestamp.from(now), limit)
            .query((rs, row) -> new Due(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                    DeliveryReport.Status.valueOf(rs.getString(5))))
            .list();
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE sandbox_report SET due_at = :leaseEnd WHERE id IN (:ids)")
                .param("leaseEnd", Timestamp.from(now.plus(LEASE)))
                .param("ids", due.stream().map(Due::id).toList())
                .update();
        }
        return due;
    }

    private record Due(long id, Channel channel, String providerMessageId, String reference, DeliveryReport.Status status) {
    }
}
