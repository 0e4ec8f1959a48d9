package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ConversationWindows;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestClock;

import static io.kaskad.support.MessagesApi.attempts;
import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cascade rules of DESIGN.md, end to end through the API, the Quartz jobs and the sandbox's test
 * destinations (7000000…1 SMS fails, …2 messengers have no account, …3 never reported, …4 all fail,
 * …5 delivered then read).
 */
@IntegrationTest
class CascadeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryReports deliveryReports;

    @Autowired
    ConversationWindows conversations;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProviderErrorFallsBackToTheNextChannel() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"viber\":{\"text\":\"x\"}}", "{\"phone\":\"70000000001\"}"));
        assertThat(attempts(api.awaitStatus(id, "DELIVERED"))).containsExactly("SMS:FAILED", "VIBER:DELIVERED");
    }

    @Test
    void noAccountOnAMessengerFallsBackToSms() throws Exception {
        TestAccounts.TestCompany acme = accounts.company();
        conversations.recordInbound(acme.id(), Channel.WHATSAPP, "+70000000002", clock.instant());
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String id = api.sendOne(message("{\"whatsapp\":{\"text\":\"x\"},\"viber\":{\"text\":\"x\"},\"sms\":{\"text\":\"x\"}}",
                "{\"phone\":\"70000000002\"}"));
        assertThat(attempts(api.awaitStatus(id, "DELIVERED"))).containsExactly("WHATSAPP:NO_ACCOUNT", "VIBER:NO_ACCOUNT", "SMS:DELIVERED");
    }

    @Test
    void whenEveryChannelFailsTheMessageIsUndelivered() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"email\":{\"text\":\"x\"}}",
                "{\"phone\":\"70000000004\",\"email\":\"a@b.example\"}"));
        Map<String, Object> undelivered = api.awaitStatus(id, "UNDELIVERED");
        assertThat(attempts(undelivered)).containsExactly("SMS:FAILED", "EMAIL:FAILED");
        assertThat((String) JsonPath.read(undelivered, "$.attempts[0].error")).isEqualTo("SANDBOX_PROVIDER_ERROR");
    }

    @Test
    void aDeliverySkipsTheRestWhileRequiredChannelsAreSentAnyway() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"email\":{\"text\":\"x\",\"required\":true},\"viber\":{\"text\":\"x\"}}",
                "{\"phone\":\"79161234567\",\"email\":\"a@b.example\"}"));
        assertThat(attempts(api.awaitStatus(id, "DELIVERED"))).containsExactly("SMS:DELIVERED", "EMAIL:DELIVERED", "VIBER:SKIPPED");
    }

    @Test
    void aChannelThatNeverReportsDeliveryCountsAcceptanceAsDelivered() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"telegram\":{\"text\":\"x\"},\"sms\":{\"text\":\"x\"}}", "{\"messengerUserId\":\"79161234567\",\"phone\":\"79161234567\"}"));
        assertThat(attempts(api.awaitStatus(id, "DELIVERED"))).containsExactly("TELEGRAM:DELIVERED", "SMS:SKIPPED");
    }

    @Test
    void deliveredThenRead() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"viber\":{\"text\":\"x\"}}", "{\"phone\":\"70000000005\"}"));
        api.awaitStatus(id, "DELIVERED");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> attempts(api.get(id)), attempts -> attempts.equals(List.of("VIBER:READ")));
    }

    @Test
    void whatsAppFreeTextNeedsAConversationOpenedByTheRecipientWithin24Hours() throws Exception {
        TestAccounts.TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String request = message("{\"whatsapp\":{\"text\":\"Ваш заказ готов\"},\"sms\":{\"text\":\"Ваш заказ готов\"}}",
                "{\"phone\":\"79161234500\"}");
        Map<String, Object> closed = api.awaitStatus(api.sendOne(request), "DELIVERED");
        assertThat(attempts(closed)).containsExactly("WHATSAPP:FAILED", "SMS:DELIVERED");
        assertThat((String) JsonPath.read(closed, "$.attempts[0].error")).isEqualTo("WHATSAPP_SESSION_CLOSED");

        conversations.recordInbound(acme.id(), Channel.WHATSAPP, "79161234500", clock.instant().minus(Duration.ofHours(2)));
        assertThat(attempts(api.awaitStatus(api.sendOne(request), "DELIVERED"))).containsExactly("WHATSAPP:DELIVERED", "SMS:SKIPPED");

        clock.advance(Duration.ofHours(23));
        assertThat(attempts(api.awaitStatus(api.sendOne(request), "DELIVERED"))).containsExactly("WHATSAPP:FAILED", "SMS:DELIVERED");
    }

    @Test
    void withoutAReportWithinTheValidityPeriodTheAttemptExpiresAndTheCascadeMovesOn() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"telegram\":{\"text\":\"x\"}}",
                "{\"phone\":\"70000000003\",\"messengerUserId\":\"70000000003\"}", ",\"validityPeriod\":1"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> attempts(api.get(id)), attempts -> attempts.get(0).equals("SMS:SENT"));
        assertThat(api.get(id).get("status")).isEqualTo("SENDING");

        clock.advance(Duration.ofMinutes(2));

        assertThat(attempts(api.awaitStatus(id, "DELIVERED"))).containsExactly("SMS:EXPIRED", "TELEGRAM:DELIVERED");
    }

    @Test
    void aLateDeliveryReportIsRecordedAfterTheFallbackRan() throws Exception {
        MessagesApi api = api();
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"email\":{\"text\":\"x\"}}",
                "{\"phone\":\"70000000003\",\"email\":\"late@mail.example\"}", ",\"validityPeriod\":1"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> attempts(api.get(id)), attempts -> attempts.get(0).equals("SMS:SENT"));
        String smsProviderId = JsonPath.read(api.get(id), "$.attempts[0].providerMessageId");
        clock.advance(Duration.ofMinutes(2));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> attempts(api.get(id)), attempts -> attempts.equals(List.of("SMS:EXPIRED", "EMAIL:SENT")));

        deliveryReports.record(List.of(new DeliveryReport(Channel.SMS, smsProviderId, DeliveryReport.Status.DELIVERED, null, null,
                clock.instant())));

        assertThat(attempts(api.get(id))).containsExactly("SMS:DELIVERED", "EMAIL:SENT");
        assertThat(api.get(id).get("status")).isEqualTo("SENDING");
        clock.advance(Duration.ofMinutes(2));
        assertThat(attempts(api.awaitStatus(id, "DELIVERED"))).containsExactly("SMS:DELIVERED", "EMAIL:EXPIRED");
    }

    @Test
    void outsideTheAllowedHoursTheMessageWaitsForTheNextWindowInTheCompanysTimeZone() throws Exception {
        MessagesApi api = api();
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        ZonedDateTime opens = ZonedDateTime.now(moscow).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        LocalTime from = opens.toLocalTime();
        LocalTime to = from.plusHours(1);
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}",
                ",\"allowedTimeRanges\":[{\"from\":\"" + from + ":00\",\"to\":\"" + to + ":00\"}]"));

        Map<String, Object> pending = api.awaitStatus(id, "PENDING");
        assertThat(attempts(pending)).containsExactly("SMS:QUEUED");
        assertThat(Instant.parse(JsonPath.read(pending, "$.attempts[0].scheduledAt"))).isEqualTo(opens.toInstant());

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        api.awaitStatus(id, "DELIVERED");
    }

    @Test
    void aDelayedMessageWaitsForItsTime() throws Exception {
        MessagesApi api = api();
        String sendAt = java.time.OffsetDateTime.now(ZoneId.of("Asia/Novosibirsk")).plusMinutes(30).toString();
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}", ",\"sendAt\":\"" + sendAt + "\""));
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
            .until(() -> api.get(id).get("status"), "CREATED"::equals);
        clock.advance(Duration.ofMinutes(31));
        api.awaitStatus(id, "DELIVERED");
    }

    private MessagesApi api() {
        return new MessagesApi(mvc, accounts.company().bearer());
    }
}
