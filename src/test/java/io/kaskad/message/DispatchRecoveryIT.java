package io.kaskad.message;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.channel.Channel;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;

import static io.kaskad.support.MessagesApi.attempts;
import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the dispatcher makes of the traces a crash leaves: an attempt handed over whose answer was lost
 * waits for its report (the next channel is not sent), one claimed but never handed over is sent
 * once, a report finds its attempt by Kaskad's reference, and parked reports are retried each in turn. And the
 * trace itself: an attempt a provider took was recorded as handed over before the call.
 */
@IntegrationTest
class DispatchRecoveryIT {

    /** Sandbox numbers ending in 3 are accepted and never reported: the attempt stays SENT. */
    private static final String NEVER_REPORTED = "{\"phone\":\"70000000003\",\"messengerUserId\":\"70000000003\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryReports deliveryReports;

    @Test
    void anAttemptWhoseAnswerWasLostAfterItsHandOverIsNeverFollowedByTheNextChannel() throws Exception {
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        String id = api.sendOne(message("{\"sms\":{\"text\":\"Код 1\"},\"viber\":{\"text\":\"Код 1\"}}", NEVER_REPORTED));
        awaitAttempts(api, id, "SMS:SENT", "VIBER:WAITING");
        // the trace of a node killed during the provider call: SENDING, handed over 3 minutes ago, lease over, no provider id
        crashTrace(id, Instant.now().minus(Duration.ofMinutes(3)));

        Map<String, Object> settled = awaitAttempts(api, id, "SMS:SENT", "VIBER:WAITING");
        assertThat((String) JsonPath.read(settled, "$.attempts[0].error")).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(settled.get("status")).isEqualTo("SENDING");

        // its report comes, carrying only the provider's id and Kaskad's reference: it settles the attempt
        String publicId = id;
        deliveryReports.record(List.of(new DeliveryReport(Channel.SMS, "smsc-" + UUID.randomUUID(), DeliveryReport.Status.DELIVERED, null, null,
                Instant.now(), publicId + "/0")));
        awaitAttempts(api, id, "SMS:DELIVERED", "VIBER:SKIPPED");
    }

    @Test
    void aSentAttemptWasRecordedAsHandedOverNoLaterThanItsProviderTookIt() throws Exception {
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        String id = api.sendOne(message("{\"sms\":{\"text\":\"Код 4\"}}", NEVER_REPORTED));
        awaitAttempts(api, id, "SMS:SENT");

        int recordedBeforeTheCall = jdbc.sql("SELECT COUNT(*) FROM message_attempt WHERE step = 0 AND handed_over_at <= sent_at"
                + " AND message_id = (SELECT id FROM message WHERE public_id = ?)")
            .param(id)
            .query(Integer.class)
            .single();
        // the provider's slots were free: the claim itself recorded the hand-over, before the call
        assertThat(recordedBeforeTheCall).isEqualTo(1);
    }

    @Test
    void anAttemptClaimedButNeverHandedOverIsSentOnce() throws Exception {
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        String id = api.sendOne(message("{\"sms\":{\"text\":\"Код 2\"},\"viber\":{\"text\":\"Код 2\"}}", NEVER_REPORTED));
        awaitAttempts(api, id, "SMS:SENT", "VIBER:WAITING");
        String firstProviderId = JsonPath.read(api.get(id), "$.attempts[0].providerMessageId");
        crashTrace(id, null);

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<String, Object> message = api.get(id);
            String providerId = JsonPath.read(message, "$.attempts[0].providerMessageId");
            return attempts(message).equals(List.of("SMS:SENT", "VIBER:WAITING")) && providerId != null && !providerId.equals(firstProviderId);
        });
    }

    @Test
    void aMatchableParkedReportIsNotHeldUpByOrphansInFrontOfIt() throws Exception {
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        String id = api.sendOne(message("{\"sms\":{\"text\":\"Код 3\"}}", NEVER_REPORTED));
        awaitAttempts(api, id, "SMS:SENT");
        String providerId = JsonPath.read(api.get(id), "$.attempts[0].providerMessageId");
        // 1,200 orphans that can never match (their attempts were lost with a node), parked before the real one
        Timestamp earlier = Timestamp.from(Instant.now().minusSeconds(30));
        List<Object[]> orphans = java.util.stream.IntStream.range(0, 1_200)
            .mapToObj(i -> new Object[] { "SMS", "orphan-" + UUID.randomUUID(), "DELIVERED", earlier, earlier })
            .toList();
        new org.springframework.jdbc.core.JdbcTemplate(jdbcDataSource()).batchUpdate(
                "INSERT INTO unmatched_report (channel, provider_message_id, status, received_at, tries, next_try_at) VALUES (?, ?, ?, ?, 0, ?)",
                orphans);
        jdbc.sql("INSERT INTO unmatched_report (channel, provider_message_id, status, received_at, tries, next_try_at) VALUES (?, ?, ?, ?, 0, ?)")
            .params("SMS", providerId, "DELIVERED", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
            .update();

        awaitAttempts(api, id, "SMS:DELIVERED");
    }

    @Autowired
    javax.sql.DataSource dataSource;

    private javax.sql.DataSource jdbcDataSource() {
        return dataSource;
    }

    /** Puts the message's first attempt back where a node killed mid-dispatch leaves it. */
    private void crashTrace(String messagePublicId, Instant handedOverAt) {
        Instant leaseOver = Instant.now().minusSeconds(5);
        jdbc.sql("UPDATE message_attempt SET status = 'SENDING', provider_message_id = NULL, handed_over_at = ?, due_at = ?"
                + " WHERE step = 0 AND message_id = (SELECT id FROM message WHERE public_id = ?)")
            .params(handedOverAt == null ? null : Timestamp.from(handedOverAt), Timestamp.from(leaseOver), messagePublicId)
            .update();
    }

    private static Map<String, Object> awaitAttempts(MessagesApi api, String id, String... expected) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> api.get(id), message -> attempts(message).equals(List.of(expected)));
    }
}
