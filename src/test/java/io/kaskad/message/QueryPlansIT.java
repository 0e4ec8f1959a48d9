package io.kaskad.message;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.channel.Channel;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The plans that keep the messages page and the statistics API fast at millions of messages, as the database
 * explains them (H2 and, with -Pmysql, MariaDB/MySQL): each filter is read through its own index, whatever the
 * optimizer would estimate; and a period's count comes from the counters, not from the rows.
 */
@IntegrationTest
class QueryPlansIT {

    @Autowired
    MessageQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Test
    void eachFilterIsReadThroughTheIndexThatAnswersIt() {
        long company = accounts.company().id();
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(7));
        assertReadThrough(queries.newestQuery(company, filter(from, to, MessageStatus.DELIVERED, null, null, null), null, 51),
                "ix_message_company_status_created");
        assertReadThrough(queries.newestQuery(company, filter(null, null, MessageStatus.REJECTED, null, null, null), null, 51),
                "ix_message_company_status_created");
        assertReadThrough(queries.newestQuery(company, filter(from, to, null, null, null, null), null, 51), "ix_message_company_created");
        assertReadThrough(queries.newestQuery(company, filter(from, to, null, null, "bulk-1", null), null, 51), "ix_message_company_bulk");
        assertReadThrough(queries.newestQuery(company, filter(from, to, null, null, null, "task-1"), null, 51), "ix_message_company_task");
        assertReadThrough(queries.countQuery(company, filter(from, to, MessageStatus.SENDING, null, null, null)),
                "ix_message_company_status_created");
        assertReadThrough(queries.countQuery(company, filter(from, to, null, Channel.CHAT, null, null)),
                "ix_attempt_company_channel_message");
    }

    @Test
    void aPeriodsWholeHoursAreCountedFromTheCountersAndItsEndsFromTheTable() throws Exception {
        TestCompany acme = accounts.company();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        // a counter no row stands behind: only a count read from the counters can see it
        jdbc.sql("INSERT INTO message_count (company_id, hour_start, channel, measure, amount) VALUES (?, ?, '', 'msg.DELIVERED', 12345)")
            .params(acme.id(), Timestamp.from(hour))
            .update();
        String stats = "/api/v1/statistics/messaging/messages?withoutItems=true&from=";
        mvc.perform(get(stats + hour.minus(Duration.ofMinutes(30)) + "&to=" + hour.plus(Duration.ofMinutes(90)))
                .header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.count").value(12345));
        mvc.perform(get(stats + hour.minus(Duration.ofMinutes(30)) + "&to=" + hour.plus(Duration.ofMinutes(90)) + "&status=UNDELIVERED")
                .header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.count").value(0));
        // within the hour, the table answers: no row, none counted
        mvc.perform(get(stats + hour.plus(Duration.ofMinutes(5)) + "&to=" + hour.plus(Duration.ofMinutes(55)))
                .header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.count").value(0));
        // the portal's total too, exactly, past the 10,000 a recipient's or a bulk's count stops at
        String page = mvc.perform(get("/messages").session(io.kaskad.support.PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD)))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("Найдено: 12\\D345<");
    }

    private static MessageFilter filter(Instant from, Instant to, MessageStatus status, Channel channel, String bulkId, String taskId) {
        return new MessageFilter(from, to, status, channel, bulkId, taskId, null);
    }

    /** The database's plan names the index: MySQL's EXPLAIN in its {@code key} column, H2's in the plan's text. */
    private void assertReadThrough(MessageQueries.Query query, String index) {
        List<String> plan = jdbc.sql("EXPLAIN " + query.sql()).params(query.params()).query(rs -> {
            List<String> found = new ArrayList<>();
            ResultSetMetaData columns = rs.getMetaData();
            int key = 0;
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                key = "key".equalsIgnoreCase(columns.getColumnLabel(i)) ? i : key;
            }
            while (rs.next()) {
                found.add(String.valueOf(rs.getString(key == 0 ? 1 : key)).toLowerCase(Locale.ROOT));
            }
            return found;
        });
        assertThat(plan).as("the plan of %s", query.sql()).anyMatch(line -> line.contains(index));
    }
}
