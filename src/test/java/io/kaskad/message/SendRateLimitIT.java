package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.account.CompanyService;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A company's messages go out no faster than its send rate limit. */
@IntegrationTest
class SendRateLimitIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyMessagesAtFivePerSecondTakeAtLeastThreeSeconds() throws Exception {
        TestCompany slow = accounts.company();
        companies.updateSettings(slow.id(), "Europe/Moscow", 5);
        StringBuilder destinations = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            destinations.append(i == 0 ? "" : ",").append("{\"phone\":\"7916100").append(String.format("%04d", i)).append("\"}");
        }
        new MessagesApi(mvc, slow.bearer()).send(MessagesApi.message("{\"sms\":{\"text\":\"x\"}}", destinations.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM message WHERE company_id = ? AND status = 'DELIVERED'").param(slow.id()).query(Long.class).single(),
                delivered -> delivered == 20);
        List<Instant> sent = jdbc.sql("SELECT sent_at FROM message_attempt WHERE company_id = ? ORDER BY sent_at")
            .param(slow.id())
            .query((rs, row) -> rs.getTimestamp(1).toInstant())
            .list();
        // a bucket of 5 goes at once, the other 15 at 5 per second. MariaDB behind Connector/J stores whole seconds (the
        // driver sends no fraction), so a gap between two stored times can read up to a second shorter than it was:
        // 2.9 s from 10.05 to 12.95 reads 2 s
        Duration resolution = sent.stream().allMatch(at -> at.getNano() == 0) ? Duration.ofSeconds(1) : Duration.ZERO;
        assertThat(Duration.between(sent.get(0), sent.get(19))).isGreaterThanOrEqualTo(Duration.ofMillis(2800).minus(resolution));
        for (int i = 10; i < 20; i++) {
            assertThat(Duration.between(sent.get(i - 10), sent.get(i))).as("10 sends need at least 1 s").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;

    @Test
    void aConnectionsOwnSendRateHoldsBelowTheCompanysLimit() throws Exception {
        TestCompany shop = accounts.company(); // the company may send 50 a second; its mail server takes 4
        new io.kaskad.support.ProvidersApi(mvc, shop.bearer()).createOk(io.kaskad.support.ProvidersApi.smtp("Медленная почта",
                greenMail.getSmtp().getPort(), 10).replace("\"priority\":10", "\"priority\":10,\"sendRate\":4"));
        StringBuilder destinations = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            destinations.append(i == 0 ? "" : ",").append("{\"email\":\"rate-").append(i).append('-').append(TestAccounts.unique())
                .append("@example.org\"}");
        }
        new MessagesApi(mvc, shop.bearer()).send(MessagesApi.message("{\"email\":{\"subject\":\"x\",\"text\":\"x\"}}",
                destinations.toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM message WHERE company_id = ? AND status = 'DELIVERED'").param(shop.id()).query(Long.class).single(),
                delivered -> delivered == 16);
        List<Instant> sent = jdbc.sql("SELECT sent_at FROM message_attempt WHERE company_id = ? ORDER BY sent_at")
            .param(shop.id())
            .query((rs, row) -> rs.getTimestamp(1).toInstant())
            .list();
        // a bucket of 4 goes at once, the other 12 at 4 per second: 3 s (MariaDB's driver keeps whole seconds, so at least 2 s show)
        assertThat(Duration.between(sent.get(0), sent.get(15))).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
    }
}
