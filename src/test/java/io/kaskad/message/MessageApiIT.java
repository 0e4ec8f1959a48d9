package io.kaskad.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The send API's contract: seed 004 verbatim, answers in request order, clear errors, cancel, tenancy. */
@IntegrationTest
class MessageApiIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String SMS = "{\"sms\":{\"text\":\"Код {code}\"}}";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seed004Step1WorksVerbatimAndTheChatMessageIsDelivered() throws Exception {
        TestCompany acme = accounts.company();
        // the seed's ids are TWIN's: this company's own chat and bot take their places, nothing else changes
        io.kaskad.support.ChatsApi chats = new io.kaskad.support.ChatsApi(mvc, acme.bearer());
        String botId = chats.npsScenario();
        String seedRequest = new ClassPathResource("seeds/004-step1-request.json").getContentAsString(StandardCharsets.UTF_8)
            .replace("2daadc7b-2b7c-4fa3-822f-6ce3b2337f94", chats.chat("{\"name\":\"WhatsApp\"}"))
            .replace("913d39f6-066d-4bee-b6f7-c3fdeb321c50", botId);

        String body = mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(seedRequest))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(1))
            .andExpect(jsonPath("$[0].id").value(org.hamcrest.Matchers.matchesPattern(UUID)))
            .andExpect(jsonPath("$[0].bulkId").value(org.hamcrest.Matchers.matchesPattern(UUID)))
            .andExpect(jsonPath("$[0].groupId").value(org.hamcrest.Matchers.matchesPattern(UUID)))
            .andExpect(jsonPath("$[0].flowId").value(org.hamcrest.Matchers.matchesPattern(UUID)))
            .andExpect(jsonPath("$[0].status").value("CREATED"))
            .andExpect(jsonPath("$[0].channel").value("CHAT"))
            .andExpect(jsonPath("$[0].error").doesNotExist())
            .andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$[0].id");

        Map<String, Object> delivered = api(acme).awaitStatus(id, "DELIVERED");
        assertThat(MessagesApi.attempts(delivered)).containsExactly("CHAT:DELIVERED");
        assertThat((String) com.jayway.jsonpath.JsonPath.read(delivered, "$.attempts[0].providerMessageId")).isNotBlank();
        assertThat((String) com.jayway.jsonpath.JsonPath.read(delivered, "$.attempts[0].text")).isEqualTo("Текст сообщения");
    }

    @Test
    void answersOneObjectPerDestinationInRequestOrderRejectingOnlyTheBadOnes() throws Exception {
        TestCompany acme = accounts.company();
        List<Map<String, Object>> results = api(acme).send(message(SMS, String.join(",",
                "{\"phone\":\"79161234567\",\"variables\":{\"code\":\"1111\"}}",
                "{\"phone\":\"12-34\",\"variables\":{\"code\":\"2222\"}}",
                "{\"email\":\"only@mail.example\"}",
                "{\"phone\":\"+79161234568\"}",
                "{\"phone\":\"+79161234569\",\"variables\":{\"code\":4444}}")));

        assertThat(results).extracting(r -> r.get("status")).containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "CREATED");
        assertThat(MessagesApi.errorCodes(results)).containsExactly(null, "INVALID_PHONE", "NO_ADDRESS", "MISSING_VARIABLE", null);
        Map<?, ?> badPhone = (Map<?, ?>) results.get(1).get("error");
        assertThat(badPhone.get("field")).isEqualTo("messages[0].destinations[1].phone");
        assertThat((String) badPhone.get("message")).contains("от 10 до 18 цифр");
        assertThat(results).extracting(r -> r.get("bulkId")).containsOnly(results.get(0).get("bulkId"));

        Map<String, Object> sent = api(acme).awaitStatus((String) results.get(4).get("id"), "DELIVERED");
        assertThat((String) com.jayway.jsonpath.JsonPath.read(sent, "$.attempts[0].text")).isEqualTo("Код 4444");
        assertThat(api(acme).get((String) results.get(1).get("id")).get("status")).isEqualTo("REJECTED");
    }

    @Test
    void problemsWithTheNotificationFailTheRequestNamingEachFieldAndStoreNothing() throws Exception {
        TestCompany acme = accounts.company();
        String attachments = "[" + "\"photo1_1\",".repeat(10) + "\"photo1_1\"]";
        mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"messages\":[{\"channels\":{\"fax\":{\"text\":\"x\"},\"sms\":{},\"vk\":{\"text\":\"x\",\"attachments\":"
                        + attachments + "},\"chat\":{\"text\":\"x\"}},\"allowedTimeRanges\":[\"9:00-21:00:00\"],"
                        + "\"destinations\":[{\"phone\":\"79161234567\"}]}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                    "messages[0].channels.fax", "messages[0].channels.sms.text", "messages[0].channels.vk.attachments",
                    "messages[0].channels.chat.chatId", "messages[0].allowedTimeRanges[0]")));
        mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"messages\":[{\"channels\":" + SMS + ",\"destinations\":[]}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].destinations"));
        mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(message(SMS, "{\"phone\":\"79161234567\"}", ",\"sendAt\":\"tomorrow\"")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("sendAt")));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE company_id = ?").param(acme.id()).query(Long.class).single())
            .isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndSendsNothingTwice() throws Exception {
        TestCompany acme = accounts.company();
        TestCompany other = accounts.company();
        String request = message(SMS, "{\"phone\":\"79161234567\",\"variables\":{\"code\":\"1\"}}");

        String first = mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer())
                .header("Idempotency-Key", "order-42").contentType(MediaType.APPLICATION_JSON).content(request))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Idempotent-Replayed", "false"))
            .andReturn().getResponse().getContentAsString();
        String retry = mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer())
                .header("Idempotency-Key", "order-42").contentType(MediaType.APPLICATION_JSON).content(request))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Idempotent-Replayed", "true"))
            .andReturn().getResponse().getContentAsString();

        assertThat(retry).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE company_id = ?").param(acme.id()).query(Long.class).single())
            .isEqualTo(1);
        mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).header("Idempotency-Key", "order-42")
                .contentType(MediaType.APPLICATION_JSON).content(message(SMS, "{\"phone\":\"79160000000\"}")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(containsString("order-42")));
        mvc.perform(post("/api/v1/messages").header("Authorization", other.bearer()).header("Idempotency-Key", "order-42")
                .contentType(MediaType.APPLICATION_JSON).content(request))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Idempotent-Replayed", "false"));
    }

    @Test
    void moreThanTenThousandDestinationsIs413PointingToSendTasks() throws Exception {
        TestCompany acme = accounts.company();
        String destinations = String.join(",", java.util.Collections.nCopies(10_001, "{\"phone\":\"79161234567\"}"));
        mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(message("{\"sms\":{\"text\":\"x\"}}", destinations)))
            .andExpect(status().isPayloadTooLarge())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(containsString("10000")))
            .andExpect(jsonPath("$.detail").value(containsString("Задания на отправку")));
    }

    @Test
    void aDelayedMessageIsCancelledAndNeverSent() throws Exception {
        TestCompany acme = accounts.company();
        String sendAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(3)).plusHours(1).toString();
        String id = api(acme).sendOne(message("{\"sms\":{\"text\":\"x\"},\"viber\":{\"text\":\"x\"}}",
                "{\"phone\":\"79161234567\"}", ",\"sendAt\":\"" + sendAt + "\""));

        mvc.perform(delete("/api/v1/messages/{id}", id).header("Authorization", acme.bearer()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("CANCELLED"))
            .andExpect(jsonPath("$.attempts[*].status").value(org.hamcrest.Matchers.contains("CANCELLED", "CANCELLED")));
        mvc.perform(delete("/api/v1/messages/{id}", id).header("Authorization", acme.bearer()))
            .andExpect(status().isOk());
    }

    @Test
    void aMessageAlreadyWithAProviderCannotBeCancelled() throws Exception {
        TestCompany acme = accounts.company();
        String id = api(acme).sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}"));
        api(acme).awaitStatus(id, "DELIVERED");

        mvc.perform(delete("/api/v1/messages/{id}", id).header("Authorization", acme.bearer()))
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(containsString("already handed to a provider")));
    }

    @Test
    void aBulkIsCancelledAsAWhole() throws Exception {
        TestCompany acme = accounts.company();
        String sendAt = java.time.OffsetDateTime.now().plusHours(2).toString();
        List<Map<String, Object>> results = api(acme).send(message("{\"sms\":{\"text\":\"x\"}}",
                "{\"phone\":\"79161234561\"},{\"phone\":\"79161234562\"},{\"phone\":\"1\"}", ",\"sendAt\":\"" + sendAt + "\""));

        mvc.perform(post("/api/v1/messages/cancel").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bulkId\":\"" + results.get(0).get("bulkId") + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.cancelled").value(2))
            .andExpect(jsonPath("$.alreadySent").value(0));
        assertThat(api(acme).get((String) results.get(1).get("id")).get("status")).isEqualTo("CANCELLED");
        mvc.perform(post("/api/v1/messages/cancel").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bulkId\":\"no-such-bulk\"}"))
            .andExpect(status().isNotFound());
    }

    @Test
    void anotherCompanysMessageIsNotFoundAndStaysUntouched() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String sendAt = java.time.OffsetDateTime.now().plusHours(1).toString();
        String betaMessage = api(beta).sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}",
                ",\"sendAt\":\"" + sendAt + "\""));

        mvc.perform(get("/api/v1/messages/{id}", betaMessage).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/messages/{id}", betaMessage).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/messages/cancel").header("Authorization", alpha.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bulkId\":\"" + api(beta).get(betaMessage).get("bulkId") + "\"}"))
            .andExpect(status().isNotFound());
        assertThat(api(beta).get(betaMessage).get("status")).isEqualTo("CREATED");
    }

    private MessagesApi api(TestCompany company) {
        return new MessagesApi(mvc, company.bearer());
    }
}
