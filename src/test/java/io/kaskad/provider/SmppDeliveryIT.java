package io.kaskad.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.ProvidersApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestSmsc;

import static io.kaskad.support.MessagesApi.attempts;
import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS over SMPP 3.4 against an SMSC in the test (jSMPP's server API): the {@code submit_sm} on the
 * wire (UCS-2 for Cyrillic, a long text in UDH-joined parts, a receipt asked for the last part only),
 * receipts driving the cascade, a lost bind restored without losing or doubling a message, and failover
 * from a connection whose bind is refused.
 */
@IntegrationTest
class SmppDeliveryIT {

    private static final String PASSWORD = "Pw9-smsc";
    private static TestSmsc smsc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void startSmsc() throws IOException {
        smsc = new TestSmsc("shop", PASSWORD);
        // numbers ending in 13 are unreachable: the SMSC reports UNDELIV
        smsc.receipts = destination -> destination.endsWith("13") ? DeliveryReceiptState.UNDELIV : DeliveryReceiptState.DELIVRD;
    }

    @AfterAll
    static void stopSmsc() throws IOException {
        smsc.close();
    }

    @Test
    void aCyrillicTextGoesAsUcs2AndItsReceiptDeliversIt() throws Exception {
        MessagesApi messages = companyWithSmsc();
        String phone = phone("01");
        String id = messages.sendOne(message("{\"sms\":{\"text\":\"Ваш код: 4321\"}}", "{\"phone\":\"+" + phone + "\"}"));

        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        List<TestSmsc.Submitted> submitted = submittedTo(phone);
        assertThat(submitted).hasSize(1);
        TestSmsc.Submitted sms = submitted.get(0);
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(sms.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Ваш код: 4321");
        assertThat(sms.source()).isEqualTo("Shop");
        assertThat(sms.registeredDelivery() & 0x03).as("a receipt is asked for").isEqualTo(1);
        assertThat(firstAttempt(delivered)).containsEntry("provider", "SMPP").containsEntry("providerMessageId", sms.messageId());
    }

    @Test
    void aLongTextGoesInThreePartsThatThePhoneJoins() throws Exception {
        MessagesApi messages = companyWithSmsc();
        String phone = phone("02");
        String text = "Order 1234 is on its way. ".repeat(15).strip(); // 389 GSM-7 characters: three parts of at most 153
        String id = messages.sendOne(message("{\"sms\":{\"text\":\"" + text + "\"}}", "{\"phone\":\"" + phone + "\"}"));

        messages.awaitStatus(id, "DELIVERED");
        List<TestSmsc.Submitted> parts = submittedTo(phone);
        assertThat(parts).hasSize(3);
        StringBuilder joined = new StringBuilder();
        byte reference = parts.get(0).shortMessage()[3];
        for (int i = 0; i < 3; i++) {
            TestSmsc.Submitted part = parts.get(i);
            byte[] bytes = part.shortMessage();
            assertThat(part.esmClass() & 0x40).as("UDH indicator").isEqualTo(0x40);
            assertThat(Arrays.copyOfRange(bytes, 0, 6)).containsExactly(0x05, 0x00, 0x03, reference, 3, i + 1);
            assertThat(part.dataCoding()).isEqualTo((byte) 0x00);
            assertThat(part.registeredDelivery() & 0x03).isEqualTo(i == 2 ? 1 : 0);
            joined.append(new String(Arrays.copyOfRange(bytes, 6, bytes.length), StandardCharsets.US_ASCII));
        }
        assertThat(joined).hasToString(text);
    }

    @Test
    void anUndeliveredReceiptMovesTheCascadeOn() throws Exception {
        MessagesApi messages = companyWithSmsc();
        String phone = phone("13");
        String id = messages.sendOne(message("{\"sms\":{\"text\":\"Код 1\"},\"email\":{\"text\":\"Код 1\"}}",
                "{\"phone\":\"" + phone + "\",\"email\":\"x-" + TestAccounts.unique() + "@example.org\"}"));

        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        assertThat(attempts(delivered)).containsExactly("SMS:FAILED", "EMAIL:DELIVERED");
        assertThat(firstAttempt(delivered)).containsEntry("error", "UNDELIV");
    }

    @Test
    void aLostBindIsRestoredWithoutLosingOrDoublingAMessage() throws Exception {
        MessagesApi messages = companyWithSmsc();
        String first = phone("03");
        messages.awaitStatus(messages.sendOne(message("{\"sms\":{\"text\":\"one\"}}", "{\"phone\":\"" + first + "\"}")), "DELIVERED");

        smsc.dropBinds();
        String second = phone("04");
        String id = messages.sendOne(message("{\"sms\":{\"text\":\"two\"}}", "{\"phone\":\"" + second + "\"}"));

        messages.awaitStatus(id, "DELIVERED");
        assertThat(submittedTo(first)).hasSize(1);
        assertThat(submittedTo(second)).hasSize(1);
    }

    @Test
    void aConnectionWhoseBindIsRefusedPassesTheAttemptToTheNext() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        ProvidersApi providers = new ProvidersApi(mvc, shop.bearer());
        providers.createOk(ProvidersApi.smpp("Основной SMSC", smsc.port(), "shop", "wrong", 10));
        providers.createOk(ProvidersApi.smpp("Резервный SMSC", smsc.port(), "shop", PASSWORD, 20));
        MessagesApi messages = new MessagesApi(mvc, shop.bearer());
        String phone = phone("05");
        String id = messages.sendOne(message("{\"sms\":{\"text\":\"through the backup\"}}", "{\"phone\":\"" + phone + "\"}"));

        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        assertThat(firstAttempt(delivered).get("connection")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("name", "Резервный SMSC");
        assertThat(submittedTo(phone)).hasSize(1);
    }

    @Test
    void aSubmitWhoseAnswerComesTooLateIsNeverSentAgain() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        new ProvidersApi(mvc, shop.bearer()).createOk(ProvidersApi.smpp("Медленный SMSC", smsc.port(), "shop", PASSWORD, 10)
            .replace("\"timeoutSeconds\":5", "\"timeoutSeconds\":1"));
        MessagesApi messages = new MessagesApi(mvc, shop.bearer());
        String phone = phone("06");
        smsc.answerDelayMillis = 1500; // the SMSC takes it, but answers after the bind's 1 s timeout
        try {
            String id = messages.sendOne(message("{\"sms\":{\"text\":\"once\"},\"email\":{\"text\":\"once\"}}",
                    "{\"phone\":\"" + phone + "\",\"email\":\"late-" + TestAccounts.unique() + "@example.org\"}"));
            Map<String, Object> waiting = await().atMost(Duration.ofSeconds(15)).until(() -> messages.get(id),
                    message -> "OUTCOME_UNKNOWN".equals(firstAttempt(message).get("error")));
            // the SMS may well have reached the phone: it waits for a receipt within its validity, and the e-mail is not sent
            assertThat(attempts(waiting)).containsExactly("SMS:SENT", "EMAIL:WAITING");
        }
        finally {
            smsc.answerDelayMillis = 0;
        }
        assertThat(submittedTo(phone)).hasSize(1);
    }

    @Test
    void aMessageShowsSendingWhileItsSmscTakesItsTimeAndDeliveredWhenItsReceiptComes() throws Exception {
        MessagesApi messages = companyWithSmsc();
        // well past Dispatcher.SENDING_SHOWN_AFTER, within the bind's 5 s timeout: the batch stops waiting for the call
        // at about 1 s, and the SMSC's answer is recorded when it comes, apart from the batch (LateAnswers)
        smsc.answerDelayMillis = 2500;
        String id;
        try {
            id = messages.sendOne(message("{\"sms\":{\"text\":\"slow\"}}", "{\"phone\":\"" + phone("09") + "\"}"));
            Map<String, Object> sending = await().atMost(Duration.ofSeconds(10)).until(() -> messages.get(id),
                    message -> "SENDING".equals(message.get("status")));
            assertThat(attempts(sending)).as("still with the SMSC, not answered yet").containsExactly("SMS:SENDING");
        }
        finally {
            smsc.answerDelayMillis = 0;
        }
        assertThat(attempts(messages.awaitStatus(id, "DELIVERED"))).containsExactly("SMS:DELIVERED");
    }

    @Test
    void twoSmscsThatNumberTheirMessagesAlikeGetEachTheirOwnReceipts() throws Exception {
        try (TestSmsc first = new TestSmsc("first", PASSWORD); TestSmsc second = new TestSmsc("second", PASSWORD)) {
            second.receipts = destination -> DeliveryReceiptState.UNDELIV;
            TestAccounts.TestCompany one = accounts.company();
            TestAccounts.TestCompany two = accounts.company();
            new ProvidersApi(mvc, one.bearer()).createOk(ProvidersApi.smpp("SMSC 1", first.port(), "first", PASSWORD, 10));
            new ProvidersApi(mvc, two.bearer()).createOk(ProvidersApi.smpp("SMSC 2", second.port(), "second", PASSWORD, 10));
            MessagesApi ones = new MessagesApi(mvc, one.bearer());
            MessagesApi twos = new MessagesApi(mvc, two.bearer());
            Map<String, Object> delivered = ones.awaitStatus(ones.sendOne(message("{\"sms\":{\"text\":\"a\"}}",
                    "{\"phone\":\"" + phone("07") + "\"}")), "DELIVERED");
            Map<String, Object> failedOver = twos.awaitStatus(twos.sendOne(message("{\"sms\":{\"text\":\"b\"},\"email\":{\"text\":\"b\"}}",
                    "{\"phone\":\"" + phone("08") + "\",\"email\":\"b-" + TestAccounts.unique() + "@example.org\"}")), "DELIVERED");
            // both SMSCs called their first message the same: each receipt still reached its own company's attempt
            assertThat(firstAttempt(failedOver).get("providerMessageId")).isEqualTo(firstAttempt(delivered).get("providerMessageId"));
            assertThat(attempts(delivered)).containsExactly("SMS:DELIVERED");
            assertThat(attempts(failedOver)).containsExactly("SMS:FAILED", "EMAIL:DELIVERED");
        }
    }

    private MessagesApi companyWithSmsc() throws Exception {
        TestAccounts.TestCompany shop = accounts.company();
        new ProvidersApi(mvc, shop.bearer()).createOk(ProvidersApi.smpp("SMSC", smsc.port(), "shop", PASSWORD, 10));
        return new MessagesApi(mvc, shop.bearer());
    }

    /** A phone number of this test run ending in {@code ending}. */
    private static String phone(String ending) {
        return "7916" + String.format("%05d", (int) (Math.random() * 100_000)) + ending;
    }

    private static List<TestSmsc.Submitted> submittedTo(String phone) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !smsc.submitted().stream().filter(s -> s.destination().equals(phone)).toList().isEmpty());
        return smsc.submitted().stream().filter(s -> s.destination().equals(phone)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstAttempt(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("attempts")).get(0);
    }
}
