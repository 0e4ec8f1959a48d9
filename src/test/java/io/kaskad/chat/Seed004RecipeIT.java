package io.kaskad.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seed 004 end to end: a WhatsApp mailing through the {@code chat} channel starts bot sessions; the
 * messaging statistics give each message's session (providerMessageId); the chat-session statistics
 * give that session's dialog result.
 */
@IntegrationTest
class Seed004RecipeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void fromTheMessageToItsSessionToTheDialogResult() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chat("{\"name\":\"WhatsApp рассылка\"}");
        String botId = chats.npsScenario();
        MessagesApi messages = new MessagesApi(mvc, acme.bearer());

        // Step 1: the seed's request, with this company's chat and bot in place of TWIN's ids
        String request = new ClassPathResource("seeds/004-step1-request.json").getContentAsString(StandardCharsets.UTF_8)
            .replace("2daadc7b-2b7c-4fa3-822f-6ce3b2337f94", chatId)
            .replace("913d39f6-066d-4bee-b6f7-c3fdeb321c50", botId);
        String messageId = (String) messages.send(request).get(0).get("id");
        messages.awaitStatus(messageId, "DELIVERED");

        // Step 2: the messaging statistics name the session the message started
        String from = Instant.now().minus(Duration.ofHours(1)).toString();
        String to = Instant.now().plus(Duration.ofHours(1)).toString();
        String step2 = mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("pages", "0").param("channel", "CHAT")
                .param("fields", "id,providerMessageId,status"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(step2, "$.items[0].id")).isEqualTo(messageId);
        assertThat(JsonPath.<String>read(step2, "$.items[0].status")).isEqualTo("DELIVERED");
        String sessionId = JsonPath.read(step2, "$.items[0].providerMessageId");

        // the session began with the mailing's text, then the bot (which got the send's variables)
        mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[*].body",
                    org.hamcrest.Matchers.contains("Текст сообщения", "Иван, оцените нас")));
        // the recipient answers in WhatsApp; the scenario writes the result
        mvc.perform(post("/api/v1/sessions/{id}/messages", sessionId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"Нет, это отказ\"}"))
            .andExpect(status().isCreated());

        // Step 3: the chat-session statistics, asked as the seed asks (its chatId is the session id found in step 2)
        String step3 = mvc.perform(get("/api/v1/statistics/chat/sessions").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("withoutCount", "false").param("withoutItems", "false")
                .param("limit", "1000").param("page", "0").param("chatId", sessionId)
                .param("fields", "id,name,clientId,messengerType,nps"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(step3, "$.count")).isEqualTo(1);
        Map<String, Object> item = JsonPath.read(step3, "$.items[0]");
        assertThat(item).containsKeys("id", "name", "clientId", "messengerType", "dialogResultsFromBotJson");
        assertThat(item).containsEntry("id", sessionId).containsEntry("name", "Название сессии").containsEntry("messengerType", "WHATSAPP");
        assertThat(JsonPath.<String>read(item, "$.dialogResultsFromBotJson.confirmation")).isEqualTo("Отказ");
        assertThat(JsonPath.<List<Object>>read(item, "$.dialogResultsFromBotJson.initialVariables")).hasSize(2);

        // and by the chat's own id, every session of the chat
        String byChat = mvc.perform(get("/api/v1/statistics/chat/sessions").header("Authorization", acme.bearer())
                .param("from", from).param("to", to).param("chatId", chatId).param("fields", "id,messageId"))
            .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(byChat, "$.items[0].messageId")).isEqualTo(messageId);
    }

    @Test
    void continueLastOrStartNewSessionWritesIntoTheOpenSession() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chatWithScenario(chats.npsScenario());
        MessagesApi messages = new MessagesApi(mvc, acme.bearer());
        String destination = "{\"phone\":\"79160000001\",\"variables\":{\"name\":\"Ольга\"}}";

        String first = messages.sendOne(message("{\"chat\":{\"chatId\":\"" + chatId + "\",\"text\":\"Первое\"}}", destination));
        String again = messages.sendOne(message("{\"chat\":{\"chatId\":\"" + chatId
                + "\",\"text\":\"Второе\",\"continueLastOrStartNewSession\":true}}", destination));
        String fresh = messages.sendOne(message("{\"chat\":{\"chatId\":\"" + chatId + "\",\"text\":\"Третье\"}}", destination));
        String s1 = session(messages.awaitStatus(first, "DELIVERED"));
        String s2 = session(messages.awaitStatus(again, "DELIVERED"));
        String s3 = session(messages.awaitStatus(fresh, "DELIVERED"));
        assertThat(s2).isEqualTo(s1);
        assertThat(s3).isNotEqualTo(s1);
        mvc.perform(get("/api/v1/sessions/{id}/messages", s1))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[*].body",
                    org.hamcrest.Matchers.contains("Первое", "Ольга, оцените нас", "Второе")));
    }

    @Test
    void anUnknownChatFailsTheAttemptAndTheCascadeMovesOn() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi messages = new MessagesApi(mvc, acme.bearer());
        String id = messages.sendOne(message("{\"chat\":{\"chatId\":\"00000000-0000-0000-0000-000000000000\",\"text\":\"Привет\"},"
                + "\"sms\":{\"text\":\"Привет\"}}", "{\"phone\":\"79160000002\"}"));
        Map<String, Object> delivered = messages.awaitStatus(id, "DELIVERED");
        assertThat(MessagesApi.attempts(delivered)).containsExactly("CHAT:FAILED", "SMS:DELIVERED");
        assertThat(JsonPath.<String>read(delivered, "$.attempts[0].error")).isEqualTo("CHAT_NOT_FOUND");
    }

    private static String session(Map<String, Object> message) {
        return JsonPath.read(message, "$.attempts[0].providerMessageId");
    }
}
