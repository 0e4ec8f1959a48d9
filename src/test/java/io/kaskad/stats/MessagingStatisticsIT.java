package io.kaskad.stats;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Seed 004 step 2: the messaging statistics a client reads to find the chat session its message started. */
@IntegrationTest
class MessagingStatisticsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void seed004Step2FindsTheProviderMessageIdOfEachChatMessage() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String chatId = new io.kaskad.support.ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Рассылка\"}");
        String chat = api.sendOne(message("{\"chat\":{\"chatId\":\"" + chatId + "\",\"text\":\"Привет\"}}",
                "{\"phone\":\"74992868344\",\"messengerUserId\":\"74992868344\"}"));
        api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"74992868345\"}"));
        Map<String, Object> delivered = api.awaitStatus(chat, "DELIVERED");
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
        String to = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusHours(1).toString();

        String body = mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("pages", "0").param("channel", "CHAT")
                .param("fields", "id,providerMessageId,status"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.count").value(1))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andReturn().getResponse().getContentAsString();
        Map<String, Object> item = JsonPath.read(body, "$.items[0]");
        assertThat(item).containsOnlyKeys("id", "providerMessageId", "status");
        assertThat(item.get("id")).isEqualTo(chat);
        assertThat(item.get("status")).isEqualTo("DELIVERED");
        assertThat(item.get("providerMessageId")).isEqualTo(JsonPath.read(delivered, "$.attempts[0].providerMessageId"));
    }

    @Test
    void pagesFiltersAndCountsOnlyTheCallersMessages() throws Exception {
        TestCompany acme = accounts.company();
        TestCompany other = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        for (int i = 0; i < 5; i++) {
            api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"7916555000" + i + "\"}"));
        }
        new MessagesApi(mvc, other.bearer()).sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79165550000\"}"));
        String from = OffsetDateTime.now().minusHours(1).toString();
        String to = OffsetDateTime.now().plusHours(1).toString();

        mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("page", "1").param("limit", "2").param("fields", "phone"))
            .andExpect(jsonPath("$.count").value(5))
            .andExpect(jsonPath("$.items[*].phone").value(org.hamcrest.Matchers.contains("79165550002", "79165550003")));
        mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("status", "REJECTED"))
            .andExpect(jsonPath("$.count").value(0));
        mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("withoutItems", "true"))
            .andExpect(jsonPath("$.count").value(5))
            .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void badParametersAreNamed() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("to", OffsetDateTime.now().toString()).param("fields", "id,colour").param("channel", "FAX").param("limit", "5000"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("from", "fields", "channel", "limit")))
            .andExpect(jsonPath("$.detail").value(containsString("colour")));
        mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", "yesterday").param("to", OffsetDateTime.now().toString()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("from")));
    }
}
