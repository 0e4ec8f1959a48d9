package io.kaskad.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Linking a Telegram bot and talking through it, against a fake Telegram Bot API over HTTP: the token is
 * checked with getMe, the webhook registered with a secret, updates become sessions and the bot's
 * answers go back with sendMessage.
 */
@IntegrationTest
class TelegramIT {

    static final String TOKEN_PREFIX = "7000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    WireMockServer fakeTelegram;

    @Test
    void aLinkedBotTurnsUpdatesIntoSessionsAndAnswersInTelegram() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chatWithScenario(chats.npsScenario());
        String token = TOKEN_PREFIX + System.nanoTime() % 1000 + ":AAEabcdefghijklmnopqrstuvwxyz012345";
        stub(token, "getMe", "{\"ok\":true,\"result\":{\"id\":7000000,\"is_bot\":true,\"first_name\":\"Acme\",\"username\":\"acme_bot\"}}");
        stub(token, "setWebhook", "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}");
        stub(token, "sendMessage", "{\"ok\":true,\"result\":{\"message_id\":1}}");

        mvc.perform(put("/api/v1/chats/{id}/telegram", chatId).header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + token + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.telegram.linked").value(true))
            .andExpect(jsonPath("$.telegram.botName").value("acme_bot"));
        var webhook = fakeTelegram.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/setWebhook"))).get(0);
        String secret = JsonPath.read(webhook.getBodyAsString(), "$.secret_token");
        String url = JsonPath.read(webhook.getBodyAsString(), "$.url");
        org.assertj.core.api.Assertions.assertThat(url).endsWith("/telegram/webhook/" + chatId);

        // a stranger without the secret is refused
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/telegram/webhook/{id}", chatId)
                .contentType(MediaType.APPLICATION_JSON).content(update(1, "/start")))
            .andExpect(status().isForbidden());
        webhookCall(chatId, secret, update(1, "/start"));
        fakeTelegram.verify(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))
            .withRequestBody(matchingJsonPath("$.chat_id", containing("5550001")))
            .withRequestBody(matchingJsonPath("$.text", containing("оцените нас")))
            .withRequestBody(matchingJsonPath("$.reply_markup.keyboard[0][0].text", containing("Хорошо"))));

        // updates of the wrong shape are answered 200 (Telegram would resend them forever) and change nothing
        int answersBefore = fakeTelegram.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))).size();
        webhookCall(chatId, secret, "{\"update_id\":3,\"message\":{\"chat\":{\"id\":{\"a\":1}},\"from\":{\"first_name\":[1]},\"text\":\"Хорошо\"}}");
        webhookCall(chatId, secret, "{\"update_id\":{\"x\":1},\"message\":{\"chat\":{\"id\":\"5550001\"},\"text\":{\"t\":1}}}");
        webhookCall(chatId, secret, "[1,2,3]");
        webhookCall(chatId, secret, "not json at all");
        org.assertj.core.api.Assertions.assertThat(fakeTelegram.findAll(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))))
            .hasSize(answersBefore);

        webhookCall(chatId, secret, update(2, "Хорошо"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> fakeTelegram.verify(postRequestedFor(urlEqualTo("/bot" + token + "/sendMessage"))
            .withRequestBody(equalToJson("{\"chat_id\":\"5550001\",\"text\":\"Спасибо, ваша оценка 5\"}", true, true))));
    }

    @Test
    void aTokenTelegramRefusesIsReportedAndNothingIsLinked() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Без бота\"}");
        String token = "7100000:AAEwrongwrongwrongwrongwrongwrong";
        fakeTelegram.stubFor(post(urlEqualTo("/bot" + token + "/getMe"))
            .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
        mvc.perform(put("/api/v1/chats/{id}/telegram", chatId).header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + token + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("token"))
            .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Unauthorized")));
        mvc.perform(put("/api/v1/chats/{id}/telegram", chatId).header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"not a token\"}"))
            .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/chats/{id}", chatId)
                .header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.telegram.linked").value(false));
    }

    private void stub(String token, String method, String answer) {
        fakeTelegram.stubFor(post(urlEqualTo("/bot" + token + "/" + method))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer)));
    }

    private void webhookCall(String chatId, String secret, String update) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/telegram/webhook/{id}", chatId)
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .contentType(MediaType.APPLICATION_JSON).content(update))
            .andExpect(status().isOk());
    }

    private static String update(int id, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":5550001,"is_bot":false,"first_name":"Пётр"},
                 "chat":{"id":5550001,"first_name":"Пётр","type":"private"},"date":1763700000,"text":"%s"}}""".formatted(id, id, text);
    }
}
