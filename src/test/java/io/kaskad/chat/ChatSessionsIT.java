package io.kaskad.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chat-session API of seed 003: sessions, the bot's answers and results, expiry and ratings, operators. */
@IntegrationTest
class ChatSessionsIT {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    Operators operators;

    @Autowired
    ChatSessionService sessions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void seed003StartsASessionWithTheBotsFirstMessagesAndTakesTheClientsAnswers() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chatWithScenario(chats.npsScenario());

        // a client system speaking for its WhatsApp user presents the company's key
        String started = startAs(acme, chatId, """
                {"name":"Сессия","sessionTtl":3600,"messengerType":"WHATSAPP","messengerUserId":"79161234567",
                 "clientNameForOperator":"Иван П.","clientExternalId":"crm-42","clientPhone":75555673245,
                 "clientEmail":"ivan@mail.example","clientDeviceId":"device-1","clientTimezone":180,
                 "clientMetadata":{"name":"Иван","var2":"val2"},"returnAnswerAsync":false}""")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").value(matchesPattern(UUID)))
            .andExpect(jsonPath("$.clientId").value(matchesPattern(UUID)))
            .andExpect(jsonPath("$.startedAt").isNotEmpty())
            .andExpect(jsonPath("$.ttl").value(3600))
            .andExpect(jsonPath("$.messages[0].body").value("Иван, оцените нас"))
            .andExpect(jsonPath("$.messages[0].answers", contains("Хорошо", "Плохо", "Оператор")))
            .andExpect(jsonPath("$.messages[0].actions").isArray())
            .andExpect(jsonPath("$.messages[0].attachments").isArray())
            .andReturn().getResponse().getContentAsString();
        String sessionId = JsonPath.read(started, "$.id");

        say(sessionId, "{\"body\":\"Хорошо\",\"attachments\":[],\"replyToMessageId\":null}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").value(matchesPattern(UUID)))
            .andExpect(jsonPath("$.createdAt").isNotEmpty());

        mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId))
            .andExpect(jsonPath("$[*].author", contains("BOT", "CLIENT", "BOT")))
            .andExpect(jsonPath("$[2].body").value("Спасибо, ваша оценка 5"));
        Map<String, Object> item = sessions(acme, "chatId=" + chatId).get(0);
        assertThat(item).containsEntry("id", sessionId).containsEntry("status", "CLOSED").containsEntry("messengerType", "WHATSAPP");
        assertThat(JsonPath.<String>read(item, "$.dialogResultsFromBotJson.nps")).isEqualTo("5");
        assertThat(JsonPath.<List<Object>>read(item, "$.dialogResultsFromBotJson.initialVariables[*].name"))
            .containsExactly("name", "var2");
        say(sessionId, "{\"body\":\"Ещё вопрос\"}").andExpect(status().isConflict());
    }

    @Test
    void badStartsAndMessagesAreRefusedNamingTheField() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Пустой чат\"}");
        start(chatId, "{\"sessionTtl\":43201,\"messengerType\":\"PIGEON\",\"botId\":\"nope\",\"clientEmail\":\"x\"}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("sessionTtl", "messengerType", "botId", "clientEmail")));
        start("00000000-0000-0000-0000-000000000000", "{}").andExpect(status().isNotFound());
        say("00000000-0000-0000-0000-000000000000", "{\"body\":\"hi\"}").andExpect(status().isNotFound());

        String sessionId = JsonPath.read(start(chatId, "{}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.ttl").value(3600)).andReturn().getResponse().getContentAsString(), "$.id");
        say(sessionId, "{\"body\":\"  \"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId)).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void aChatWithoutScenarioGreetsAndWaitsAndTheClientIsToldWhenNobodyIsOnLine() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Поддержка\"}");
        start(chatId, "{}").andExpect(jsonPath("$.messages[*].body",
                contains("Здравствуйте! Чем мы можем помочь?", "Сейчас нет операторов на линии. Оставьте, пожалуйста, сообщение — мы ответим, как только сможем.")));
        assertThat(sessions(acme, "chatId=" + chatId).get(0)).containsEntry("status", "WAITING_OPERATOR");
    }

    @Test
    void anIdleSessionExpiresAndThenAsksForTheRatingItKeeps() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chat("{\"name\":\"С оценкой\",\"scenarioId\":\"" + chats.npsScenario()
                + "\",\"feedbackRequest\":true,\"feedbackScale\":10,\"feedbackPeriod\":600}");
        String sessionId = JsonPath.read(start(chatId, "{\"sessionTtl\":60}").andReturn().getResponse().getContentAsString(), "$.id");

        clock.advance(Duration.ofSeconds(30));
        say(sessionId, "{\"body\":\"не понимаю\"}").andExpect(status().isCreated()); // activity: the lifetime starts again
        clock.advance(Duration.ofSeconds(45));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)) // several sweeps pass and leave it alone
            .untilAsserted(() -> assertThat(sessions(acme, "chatId=" + chatId).get(0)).containsEntry("status", "ACTIVE"));

        clock.advance(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10))
            .until(() -> "EXPIRED".equals(sessions(acme, "chatId=" + chatId).get(0).get("status")));
        String transcript = mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(transcript, "$[-1].body")).contains("от 1 до 10");
        assertThat(JsonPath.<List<String>>read(transcript, "$[-1].answers")).hasSize(10);

        say(sessionId, "{\"body\":\"9\"}").andExpect(status().isCreated());
        assertThat(sessions(acme, "chatId=" + chatId).get(0)).containsEntry("feedbackScore", 9);
        say(sessionId, "{\"body\":\"и ещё\"}").andExpect(status().isConflict());
    }

    @Test
    void operatorsOfflineRunTheOfflineScenarioAndBusyOperatorsGetTheBusyText() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String offline = chats.scenario("""
                {"name":"Ночью","start":"n","steps":[{"id":"n","messages":["Мы работаем с 9 до 18, оставьте вопрос"],"action":"END"}]}""");
        String chatId = chats.chat("{\"name\":\"Линия\",\"scenarioId\":\"" + chats.npsScenario() + "\",\"offlineScenarioId\":\"" + offline
                + "\",\"busyText\":\"Все заняты, ждите\"}");

        String night = JsonPath.read(start(chatId, "{}").andReturn().getResponse().getContentAsString(), "$.id");
        say(night, "{\"body\":\"Оператор\"}");
        mvc.perform(get("/api/v1/sessions/{id}/messages", night))
            .andExpect(jsonPath("$[*].body", contains("Гость, оцените нас", "Оператор", "Соединяю с оператором",
                    "Мы работаем с 9 до 18, оставьте вопрос")));

        long userId = 900_000_000L + acme.id(); // operators are keyed by user id only
        operators.goOnline(acme.company().id(), userId);
        for (int i = 0; i < 3; i++) { // the default capacity is 3 dialogs at a time
            String busy = JsonPath.read(start(chatId, "{}").andReturn().getResponse().getContentAsString(), "$.id");
            say(busy, "{\"body\":\"Оператор\"}");
            sessions.takeOver(acme.company().id(), userId, busy);
        }
        String waiting = JsonPath.read(start(chatId, "{}").andReturn().getResponse().getContentAsString(), "$.id");
        say(waiting, "{\"body\":\"Оператор\"}");
        mvc.perform(get("/api/v1/sessions/{id}/messages", waiting)).andExpect(jsonPath("$[-1].body").value("Все заняты, ждите"));

        sessions.operatorMessage(acme.company().id(), userId, waiting, "Здравствуйте, я Анна");
        mvc.perform(get("/api/v1/sessions/{id}/messages", waiting))
            .andExpect(jsonPath("$[-2].body").value("Оператор подключился к диалогу."))
            .andExpect(jsonPath("$[-1].author").value("OPERATOR"));
        sessions.handBack(acme.company().id(), waiting);
        mvc.perform(get("/api/v1/sessions/{id}/messages", waiting)).andExpect(jsonPath("$[-1].body").value("Гость, оцените нас"));
        operators.goOffline(acme.company().id(), userId);
    }

    /** "Запрашивать результат диалога": a dialog the operator closes without a result asks the client, then for the rating. */
    @Test
    void aDialogClosedWithoutAResultAsksTheClientForItAndThenForTheRating() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chat("{\"name\":\"Итоги\",\"scenarioId\":\"" + chats.npsScenario()
                + "\",\"dialogResultRequest\":true,\"feedbackRequest\":true,\"feedbackScale\":5}");
        long userId = 910_000_000L + acme.id();
        operators.goOnline(acme.company().id(), userId);
        try {
            String sessionId = JsonPath.read(start(chatId, "{}").andReturn().getResponse().getContentAsString(), "$.id");
            say(sessionId, "{\"body\":\"Оператор\"}");
            sessions.takeOver(acme.company().id(), userId, sessionId);
            sessions.close(acme.company().id(), sessionId, " ");
            mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId))
                .andExpect(jsonPath("$[-1].body").value("Подскажите, чем закончился наш диалог?"))
                .andExpect(jsonPath("$[-1].answers", contains("Вопрос решён", "Вопрос не решён")));

            say(sessionId, "{\"body\":\"Вопрос решён\"}").andExpect(status().isCreated());
            mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId))
                .andExpect(jsonPath("$[-2].body").value("Спасибо, мы записали результат."))
                .andExpect(jsonPath("$[-1].body").value("Пожалуйста, оцените наш диалог от 1 до 5."));
            say(sessionId, "{\"body\":\"4\"}").andExpect(status().isCreated());
            Map<String, Object> item = sessions(acme, "chatId=" + chatId).get(0);
            assertThat(item).containsEntry("status", "CLOSED").containsEntry("feedbackScore", 4);
            assertThat(JsonPath.<String>read(item, "$.dialogResultsFromBotJson.result")).isEqualTo("Вопрос решён");

            // an operator who gives the result is not second-guessed: the client is only asked to rate
            String second = JsonPath.read(start(chatId, "{}").andReturn().getResponse().getContentAsString(), "$.id");
            say(second, "{\"body\":\"Оператор\"}");
            sessions.takeOver(acme.company().id(), userId, second);
            sessions.close(acme.company().id(), second, "Оформлен возврат");
            mvc.perform(get("/api/v1/sessions/{id}/messages", second))
                .andExpect(jsonPath("$[-1].body").value("Пожалуйста, оцените наш диалог от 1 до 5."));
        }
        finally {
            operators.goOffline(acme.company().id(), userId);
        }
    }

    @Test
    void aQuietBotWaitsForTheFirstMessageAndAsksForAnIntermediateRatingOnTime() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chat("{\"name\":\"Тихий\",\"scenarioId\":\"" + chats.npsScenario()
                + "\",\"answerAfterFirstMessage\":true,\"intermediateFeedbackSeconds\":30,\"feedbackScale\":2}");
        String sessionId = JsonPath.read(start(chatId, "{\"clientMetadata\":{\"name\":\"Анна\"}}")
            .andExpect(jsonPath("$.messages").isEmpty()).andReturn().getResponse().getContentAsString(), "$.id");
        say(sessionId, "{\"body\":\"Добрый день\"}");
        mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId))
            .andExpect(jsonPath("$[*].body", contains("Добрый день", "Анна, оцените нас")));

        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> JsonPath.<String>read(
                mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId)).andReturn().getResponse().getContentAsString(), "$[-1].body")
            .contains("от 1 до 2"));
        say(sessionId, "{\"body\":\"2\"}");
        mvc.perform(get("/api/v1/sessions/{id}/messages", sessionId)).andExpect(jsonPath("$[-1].body").value("Спасибо за оценку!"));
        assertThat(sessions(acme, "chatId=" + chatId).get(0)).containsEntry("feedbackScore", 2).containsEntry("status", "ACTIVE");
    }

    @Test
    void anotherCompanySeesNoneOfTheSessions() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String chatId = new ChatsApi(mvc, beta.bearer()).chat("{\"name\":\"Чужой\"}");
        String sessionId = JsonPath.read(start(chatId, "{}").andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(sessions(alpha, "chatId=" + chatId)).isEmpty();
        assertThat(sessions(alpha, "chatId=" + sessionId)).isEmpty();
        assertThat(sessions(beta, "chatId=" + sessionId)).hasSize(1);
    }

    private ResultActions start(String chatId, String body) throws Exception {
        return mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions?x_widget=1", chatId).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions startAs(TestCompany company, String chatId, String body) throws Exception {
        return mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions", chatId).header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    private ResultActions say(String sessionId, String body) throws Exception {
        return mvc.perform(post("/api/v1/sessions/{id}/messages", sessionId).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<Map<String, Object>> sessions(TestCompany company, String query) throws Exception {
        String from = Instant.now().minus(Duration.ofHours(1)).toString();
        String to = Instant.now().plus(Duration.ofHours(1)).toString();
        String body = mvc.perform(get("/api/v1/statistics/chat/sessions?" + query).param("from", from).param("to", to)
                .header("Authorization", company.bearer()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items");
    }
}
