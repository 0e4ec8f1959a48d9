package io.kaskad.channel.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.channel.Channel;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports;

/**
 * The reports the sandbox will "receive", with their due times in the database, so that a report
 * survives a restart and any node of a cluster can deliver it (claimed with SKIP LOCKED, never twice).
 */
@Component
class SandboxReportSchedule {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SandboxProperties properties;
    private final DeliveryReports deliveryReports;

    SandboxReportSchedule(JdbcClient jdbc, Clock clock, SandboxProperties properties, DeliveryReports deliveryReports) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.deliveryReports = deliveryReports;
    }

    /** Schedules a report {@code delays} simulated delivery delays from now. */
    void schedule(Channel channel, String providerMessageId, DeliveryReport.Status status, int delays) {
        Instant due = clock.instant().plus(properties.deliveryDelay().multipliedBy(delays));
        jdbc.sql("INSERT INTO sandbox_report (channel, provider_message_id, status, due_at) VALUES (?, ?, ?, ?)")
            .params(channel.name(), providerMessageId, status.name(), Timestamp.from(due))
            .update();
    }

    /** Delivers up to {@code limit} due reports; answers how many. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                SELECT id, channel, provider_message_id, status FROM sandbox_report
                WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""")
            .params(Timestamp.from(now), limit)
            .query((rs, row) -> new Due(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                    DeliveryReport.Status.valueOf(rs.getString(4))))
            .list();
        if (due.isEmpty()) {
            return 0;
        }
        deliveryReports.record(due.stream()
            .map(report -> new DeliveryReport(report.channel(), report.providerMessageId(), report.status(), null, null, now))
            .toList());
        jdbc.sql("DELETE FROM sandbox_report WHERE id IN (:ids)")
            .param("ids", due.stream().map(Due::id).toList())
            .update();
        return due.size();
    }

    private record Due(long id, Channel channel, String providerMessageId, DeliveryReport.Status status) {
    }
}
