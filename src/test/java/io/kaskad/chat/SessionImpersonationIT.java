package io.kaskad.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.account.CompanyService;
import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.attempts;
import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nobody poses as a messenger user without the company's key: an anonymous session that claims a
 * Telegram or WhatsApp identity is a web session, which the company's sends to that user never join
 * and which opens no WhatsApp window. A blocked company's public chat stops answering.
 */
@IntegrationTest
class SessionImpersonationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Test
    void anAnonymousSessionClaimingAMessengerUserIsAWebSessionThatSendsNeverJoin() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Поддержка\"}");
        String telegramUser = "777" + TestAccounts.unique().replaceAll("\\D", "");

        String attackerSession = JsonPath.read(start(chatId, null, "{\"messengerType\":\"TELEGRAM\",\"messengerUserId\":\"" + telegramUser + "\"}")
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        Map<String, Object> seen = session(acme, attackerSession);
        assertThat(seen.get("messengerType")).isEqualTo("WEB");
        assertThat(seen.get("messengerUserId")).isNull();

        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String sendToUser = message("{\"chat\":{\"chatId\":\"" + chatId + "\",\"messengerType\":\"TELEGRAM\",\"text\":\"Ваш код 4321\","
                + "\"continueLastOrStartNewSession\":true}}", "{\"messengerUserId\":\"" + telegramUser + "\"}");
        Map<String, Object> sent = api.awaitStatus(api.sendOne(sendToUser), "DELIVERED");
        assertThat((String) JsonPath.read(sent, "$.attempts[0].providerMessageId")).isNotEqualTo(attackerSession);
        String transcript = mvc.perform(get("/api/v1/sessions/{id}/messages", attackerSession)).andReturn().getResponse().getContentAsString();
        assertThat(transcript).doesNotContain("4321");

        // the same start with the company's key keeps the identity, and the next send joins that session
        String trusted = JsonPath.read(start(chatId, acme, "{\"messengerType\":\"TELEGRAM\",\"messengerUserId\":\"" + telegramUser + "\"}")
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(session(acme, trusted).get("messengerType")).isEqualTo("TELEGRAM");
        Map<String, Object> joined = api.awaitStatus(api.sendOne(sendToUser), "DELIVERED");
        assertThat((String) JsonPath.read(joined, "$.attempts[0].providerMessageId")).isEqualTo(trusted);
    }

    @Test
    void anAnonymousWhatsAppClaimOpensNoConversationWindow() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"WhatsApp\"}");
        String phone = "7916" + String.format("%07d", Math.abs(TestAccounts.unique().hashCode()) % 10_000_000);
        String session = JsonPath.read(start(chatId, null, "{\"messengerType\":\"WHATSAPP\",\"messengerUserId\":\"" + phone
                + "\",\"messageBody\":\"Привет\"}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/sessions/{id}/messages", session).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Ещё\"}"))
            .andExpect(status().isCreated());

        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        Map<String, Object> sent = api.awaitStatus(api.sendOne(message("{\"whatsapp\":{\"text\":\"Свободный текст\"},\"sms\":{\"text\":\"x\"}}",
                "{\"phone\":\"" + phone + "\"}")), "DELIVERED");
        assertThat(attempts(sent)).containsExactly("WHATSAPP:FAILED", "SMS:DELIVERED");
    }

    @Test
    void aBlockedCompanysWidgetAndSessionApiStop() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Виджет\"}");
        String session = JsonPath.read(start(chatId, null, "{}").andReturn().getResponse().getContentAsString(), "$.id");
        companies.setBlocked(acme.id(), true);

        start(chatId, null, "{}").andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/sessions/{id}/messages", session).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Эй\"}"))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/sessions/{id}/messages", session)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/sessions/{id}/events", session)).andExpect(status().isNotFound());
        mvc.perform(get("/widget/{id}", chatId)).andExpect(status().isNotFound());
    }

    @Test
    void aWrongKeyOnTheSessionApiIsRefusedNotIgnored() throws Exception {
        TestCompany acme = accounts.company();
        TestCompany other = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Ключи\"}");
        mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions", chatId).header("Authorization", "Bearer ksk_wrong_wrong_wrong_wrong")
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnauthorized());
        // another company's key does not reach this company's chat
        start(chatId, other, "{\"messengerType\":\"TELEGRAM\",\"messengerUserId\":\"1\"}").andExpect(status().isNotFound())
            .andExpect(jsonPath("$.status").value(404));
    }

    private ResultActions start(String chatId, TestCompany as, String body) throws Exception {
        var request = post("/api/chats/v1/chats/{chatId}/sessions", chatId).contentType(MediaType.APPLICATION_JSON).content(body);
        if (as != null) {
            request.header("Authorization", as.bearer());
        }
        return mvc.perform(request);
    }

    private Map<String, Object> session(TestCompany company, String sessionId) throws Exception {
        String from = java.time.Instant.now().minusSeconds(3_600).toString();
        String to = java.time.Instant.now().plusSeconds(3_600).toString();
        String page = mvc.perform(get("/api/v1/statistics/chat/sessions").header("Authorization", company.bearer())
                .param("from", from).param("to", to).param("chatId", sessionId))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(page, "$.items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
