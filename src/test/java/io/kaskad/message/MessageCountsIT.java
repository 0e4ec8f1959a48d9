package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.channel.Channel;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestClock;

import static io.kaskad.support.MessagesApi.attempts;
import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counters agree with the messages they count, through every kind of change (accepted, rejected, cascaded,
 * fell back, expired, delivered late, cancelled, clicked), before and after they are folded; the statistics
 * API's count reads them for the whole hours of a period and the table for the parts at its ends.
 */
@IntegrationTest
class MessageCountsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryReports deliveryReports;

    @Autowired
    MessageCounts counts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.kaskad.stats.MessagingReports reports;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void countsMatchTheMessagesThroughEveryChangeBeforeAndAfterFolding() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String delivered = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}"));
        String fellBack = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"viber\":{\"text\":\"x\"}}", "{\"phone\":\"70000000001\"}"));
        String undelivered = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"email\":{\"text\":\"x\"}}",
                "{\"phone\":\"70000000004\",\"email\":\"a@b.example\"}"));
        String late = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"email\":{\"text\":\"x\"}}",
                "{\"phone\":\"70000000003\",\"email\":\"late@mail.example\"}", ",\"validityPeriod\":1"));
        List<Map<String, Object>> later = api.send(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234561\"},{\"phone\":\"1\"}",
                ",\"sendAt\":\"" + clock.instant().plus(Duration.ofHours(2)) + "\""));
        String clicked = api.sendOne(message("{\"sms\":{\"text\":\"Ваш заказ: https://shop.example/o/1\"}}", "{\"phone\":\"79161234568\"}",
                ",\"useShortLinks\":true"));

        api.awaitStatus(delivered, "DELIVERED");
        api.awaitStatus(fellBack, "DELIVERED");
        api.awaitStatus(undelivered, "UNDELIVERED");
        api.awaitStatus(clicked, "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(api.get(late)), found -> found.get(0).equals("SMS:SENT"));
        String smsProviderId = JsonPath.read(api.get(late), "$.attempts[0].providerMessageId");
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(api.get(late)), found -> found.equals(List.of("SMS:EXPIRED", "EMAIL:SENT")));
        deliveryReports.record(List.of(new DeliveryReport(Channel.SMS, smsProviderId, DeliveryReport.Status.DELIVERED, null, null,
                clock.instant())));
        mvc.perform(post("/api/v1/messages/cancel").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bulkId\":\"" + later.get(0).get("bulkId") + "\"}"))
            .andExpect(status().isOk());
        String shortUrl = JsonPath.read(api.get(clicked), "$.links[0].shortUrl");
        mvc.perform(get(shortUrl.substring(shortUrl.indexOf("/s/"))).header("User-Agent", "Mozilla/5.0 (iPhone) Safari/604.1"))
            .andExpect(status().isFound());

        assertCountersMatchTheTable(acme.id());
        assertApiCountsMatchTheTable(acme);
        assertTheReportShowsTheKnownSet(acme);
        assertABulksReportCountsItsRows(acme, (String) later.get(0).get("bulkId"), (String) JsonPath.read(api.get(fellBack), "$.bulkId"));
        Map<String, Long> events = events(acme.id());
        assertThat(events).containsEntry("SMS/" + MessageCounts.LATE_DELIVERY, 1L).containsEntry("SMS/" + MessageCounts.CLICK, 1L)
            .containsEntry("VIBER/" + MessageCounts.deliveredAt(2), 1L).containsEntry("SMS/" + MessageCounts.deliveredAt(1), 2L);
        assertThat(events.keySet()).anyMatch(key -> key.startsWith("SMS/ttd."));

        while (counts.fold(1000) > 0) {
            // fold everything, other tests' changes included
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM message_count_change WHERE company_id = ?").param(acme.id()).query(Long.class).single())
            .isZero();
        assertCountersMatchTheTable(acme.id());
        assertApiCountsMatchTheTable(acme);
        assertThat(events(acme.id())).isEqualTo(events);
        assertTheReportShowsTheKnownSet(acme);
    }

    /**
     * The statistics of the set: 7 accepted (3 delivered, 1 undelivered, 1 cancelled, 1 rejected, the late one still
     * waiting for its e-mail); fallbacks: SMS failed twice and expired once, e-mail failed once; the cascade delivered
     * two by the first channel and one by the second (the late SMS is counted as late, not as the cascade's delivery:
     * the steps add up to the delivered messages); one click. On the page too.
     */
    private void assertTheReportShowsTheKnownSet(TestCompany acme) throws Exception {
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Moscow");
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        io.kaskad.stats.MessagingReport report = reports.company(acme.id(), io.kaskad.stats.Period.days("today", today, today, zone), null);
        assertThat(report.totals()).isEqualTo(new io.kaskad.stats.MessagingReport.Totals(7, 3, 1, 1, 1, 1));
        assertThat(report.fallbacks()).isEqualTo(new io.kaskad.stats.MessagingReport.Fallbacks(3, 0, 1, 0));
        assertThat(report.deliveredAtStep()).containsExactly(2L, 1L);
        assertThat(report.lateDeliveries()).isEqualTo(1);
        assertThat(report.clicks()).isEqualTo(1);
        assertThat(report.series().stream().mapToLong(row -> row.totals().accepted()).sum()).isEqualTo(7);
        // the hours of today that have not come have no row
        assertThat(report.series().get(report.series().size() - 1).start()).isBeforeOrEqualTo(java.time.LocalDateTime.now(zone));
        io.kaskad.stats.MessagingReport.ChannelRow sms = report.channels().stream()
            .filter(row -> row.channel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(List.of(sms.delivered(), sms.failed(), sms.expired(), sms.late(), sms.clicks())).containsExactly(3L, 2L, 1L, 1L, 1L);
        assertThat(sms.handedOver()).isEqualTo(5); // 3 delivered, 2 failed
        assertThat(sms.deliveryRate()).isEqualTo(60.0);

        org.springframework.mock.web.MockHttpSession session = io.kaskad.support.PortalLogin.as(mvc, acme.username(),
                TestAccounts.PASSWORD);
        String page = mvc.perform(get("/statistics").param("period", "today").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"figure-accepted\">7<", "id=\"figure-fallbacks\">4<", "id=\"late-deliveries\">1<")
            .containsPattern("id=\"channel-VIBER\">\\s*<td>Viber</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>100 %</td>");
    }

    /** Every status on every channel (and on all), over all time, as the table counts it. */
    private void assertCountersMatchTheTable(long companyId) {
        List<String> channels = new ArrayList<>(Arrays.stream(Channel.values()).map(Channel::name).toList());
        channels.add(MessageCounts.ALL_CHANNELS);
        for (String channel : channels) {
            for (MessageStatus status : MessageStatus.values()) {
                long inTable = jdbc.sql("SELECT COUNT(*) FROM message m WHERE m.company_id = ? AND m.status = ?"
                        + (channel.isEmpty() ? "" : " AND EXISTS (SELECT 1 FROM message_attempt a WHERE a.message_id = m.id AND a.channel = ?)"))
                    .params(channel.isEmpty() ? List.of(companyId, status.name()) : List.of(companyId, status.name(), channel))
                    .query(Long.class).single();
                assertThat(counts.sum(companyId, null, null, channel, List.of(MessageCounts.messages(status))))
                    .as("%s messages on '%s'", status, channel).isEqualTo(inTable);
            }
            if (!channel.isEmpty()) {
                for (AttemptStatus status : AttemptStatus.values()) {
                    long inTable = jdbc.sql("SELECT COUNT(*) FROM message_attempt WHERE company_id = ? AND channel = ? AND status = ?")
                        .params(companyId, channel, status.name()).query(Long.class).single();
                    assertThat(counts.sum(companyId, null, null, channel, List.of(MessageCounts.attempts(status))))
                        .as("%s attempts on %s", status, channel).isEqualTo(inTable);
                }
            }
        }
    }

    /** A period that begins and ends inside an hour: its whole hours from the counters, its ends from the table. */
    private void assertApiCountsMatchTheTable(TestCompany company) throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String from = hour.minus(Duration.ofMinutes(43)).toString();
        String to = hour.plus(Duration.ofMinutes(73)).toString();
        for (String filter : List.of("", "&status=DELIVERED", "&channel=SMS", "&channel=VIBER&status=DELIVERED", "&channel=EMAIL",
                "&status=CANCELLED", "&status=REJECTED", "&channel=PUSH")) {
            String query = "/api/v1/statistics/messaging/messages?from=" + from + "&to=" + to + "&limit=1000" + filter;
            String body = mvc.perform(get(query).header("Authorization", company.bearer())).andReturn().getResponse().getContentAsString();
            List<Object> items = JsonPath.read(body, "$.items");
            assertThat(((Number) JsonPath.read(body, "$.count")).longValue()).as(filter).isEqualTo(items.size());
        }
    }

    /** A bulk's figures come from its rows: the cancelled and the rejected one; the fallback to Viber of another. */
    private void assertABulksReportCountsItsRows(TestCompany acme, String cancelledBulk, String fellBackBulk) throws Exception {
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Moscow");
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        io.kaskad.stats.Period period = io.kaskad.stats.Period.days("today", today, today, zone);
        assertThat(reports.ofBulkOrTask(acme.id(), period, null, cancelledBulk, null).totals())
            .isEqualTo(new io.kaskad.stats.MessagingReport.Totals(2, 0, 0, 1, 1, 0));
        io.kaskad.stats.MessagingReport fellBack = reports.ofBulkOrTask(acme.id(), period, null, fellBackBulk, null);
        assertThat(fellBack.totals()).isEqualTo(new io.kaskad.stats.MessagingReport.Totals(1, 1, 0, 0, 0, 0));
        assertThat(fellBack.deliveredAtStep()).containsExactly(0L, 1L);
        assertThat(fellBack.fallbacks()).isEqualTo(new io.kaskad.stats.MessagingReport.Fallbacks(1, 0, 0, 0));
        assertThat(fellBack.series()).isEmpty();
        org.springframework.mock.web.MockHttpSession session = io.kaskad.support.PortalLogin.as(mvc, acme.username(),
                TestAccounts.PASSWORD);
        String page = mvc.perform(get("/statistics").param("bulkId", cancelledBulk).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"figure-accepted\">2<", "id=\"figure-cancelled\">1<").doesNotContain("series-table");
    }

    private Map<String, Long> events(long companyId) {
        Map<String, Long> events = new HashMap<>();
        counts.overPeriod(companyId, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), MessageCounts.ALL_CHANNELS).stream()
            .filter(count -> count.hour() == null && !count.measure().startsWith("msg.") && !count.measure().startsWith("att."))
            .forEach(count -> events.merge(count.channel() + "/" + count.measure(), count.amount(), Long::sum));
        events.values().removeIf(amount -> amount == 0);
        return events;
    }
}
