package io.kaskad.chat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Chats over the API: defaults, every field validated, search, avatars, tenancy. */
@IntegrationTest
class ChatApiIT {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
    static final byte[] GIF = { 'G', 'I', 'F', '8', '9', 'a', 1, 0 };

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aChatNeedsOnlyANameAndGetsSensibleDefaults() throws Exception {
        TestCompany acme = accounts.company();
        create(acme, "{\"name\":\"Сайт\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.sessionLifetime").value(3600))
            .andExpect(jsonPath("$.feedbackRequest").value(false))
            .andExpect(jsonPath("$.feedbackScale").value(5))
            .andExpect(jsonPath("$.robotColor").value("#0d6efd"))
            .andExpect(jsonPath("$.busyText").value("Все операторы сейчас заняты. Пожалуйста, подождите — мы ответим, как только освободимся."))
            .andExpect(jsonPath("$.scenarioId").doesNotExist())
            .andExpect(jsonPath("$.telegram.linked").value(false))
            .andExpect(jsonPath("$.iframeCode").value(matchesPattern("(?s)<iframe id=\"kaskad-chat-[0-9a-f-]{36}\" src=\"http://localhost/widget/[0-9a-f-]{36}/launcher\".*embed.js.*")));
    }

    @Test
    void withoutAPublicUrlTheWidgetLinkIsTheAddressTheChatWasAskedAt() throws Exception {
        TestCompany acme = accounts.company();
        String chat = com.jayway.jsonpath.JsonPath.read(create(acme, "{\"name\":\"Порт\"}").andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/v1/chats/{id}", chat).header("Authorization", acme.bearer()).with(request -> {
                request.setScheme("https");
                request.setServerName("chat.shop.example");
                request.setServerPort(9443);
                return request;
            }))
            .andExpect(jsonPath("$.widgetUrl").value("https://chat.shop.example:9443/widget/" + chat))
            .andExpect(jsonPath("$.iframeCode").value(containsString("src=\"https://chat.shop.example:9443/widget/" + chat)));
    }

    @Test
    void everyFieldIsSetAndReadBack() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String scenario = chats.npsScenario();
        create(acme, """
                {"name":"Полный","scenarioId":"%s","sessionLifetime":600,"offlineScenarioId":"%s","busyText":"Подождите",
                 "feedbackRequest":true,"feedbackPeriod":3600,"feedbackScale":10,"robotColor":"rgba(10, 20, 30, 0.5)",
                 "operatorColor":"hsla(120, 50%%, 40%%, 1)","userColor":"#abc","buttonColor":"#11223344","buttonTextColor":"hsl(0, 0%%, 100%%)",
                 "dialogResultRequest":true,"intermediateFeedbackSeconds":300,"answerAfterFirstMessage":true,
                 "messengerLinks":{"TELEGRAM":"https://t.me/acme_bot","PHONE":"+7 999 123-45-67","VK":"https://vk.com/acme"}}"""
                .formatted(scenario, scenario))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.scenarioName").value(org.hamcrest.Matchers.startsWith("NPS")))
            .andExpect(jsonPath("$.sessionLifetime").value(600))
            .andExpect(jsonPath("$.feedbackScale").value(10))
            .andExpect(jsonPath("$.operatorColor").value("hsla(120, 50%, 40%, 1)"))
            .andExpect(jsonPath("$.intermediateFeedbackSeconds").value(300))
            .andExpect(jsonPath("$.answerAfterFirstMessage").value(true))
            .andExpect(jsonPath("$.messengerLinks.TELEGRAM").value("https://t.me/acme_bot"))
            .andExpect(jsonPath("$.messengerLinks.PHONE").value("+7 999 123-45-67"));
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        TestCompany acme = accounts.company();
        create(acme, """
                {"name":" ","scenarioId":"missing","sessionLifetime":50000,"feedbackScale":3,"robotColor":"red-ish",
                 "userColor":"rgba(300, 0, 0, 1)","intermediateFeedbackSeconds":1,"messengerLinks":{"ICQ":"x","TELEGRAM":"t.me"}}""")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "scenarioId", "sessionLifetime", "feedbackScale",
                    "robotColor", "userColor", "intermediateFeedbackSeconds", "messengerLinks.ICQ", "messengerLinks.TELEGRAM")))
            .andExpect(jsonPath("$.errors[?(@.field == 'robotColor')].message").value(contains(containsString("HEX"))));
        mvc.perform(get("/api/v1/chats").header("Authorization", acme.bearer())).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void searchFindsChatsByTheirNameOrTheirScenariosName() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String scenario = chats.scenario("""
                {"name":"Доставка пиццы","start":"a","steps":[{"id":"a","messages":["Привет"],"action":"END"}]}""");
        chats.chat("{\"name\":\"Сайт магазина\"}");
        chats.chat("{\"name\":\"Второй\",\"scenarioId\":\"" + scenario + "\"}");
        mvc.perform(get("/api/v1/chats").param("search", "МАГАЗ").header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$[*].name", contains("Сайт магазина")));
        mvc.perform(get("/api/v1/chats").param("search", "пицц").header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$[*].name", contains("Второй")));
        mvc.perform(get("/api/v1/chats").param("search", "%").header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$").isEmpty());
        mvc.perform(delete("/api/v1/scenarios/{id}", scenario).header("Authorization", acme.bearer()))
            .andExpect(status().isConflict());
    }

    @Test
    void avatarsMustBeJpegOrPngAndAreServedToTheWidget() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"С аватаром\"}");
        mvc.perform(put("/api/v1/chats/{id}/avatars/robot", chatId).header("Authorization", acme.bearer())
                .contentType(MediaType.IMAGE_PNG).content(PNG))
            .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/chats/{id}/avatars/operator", chatId).header("Authorization", acme.bearer())
                .contentType(MediaType.IMAGE_JPEG).content(GIF))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("avatars.operator"));
        mvc.perform(get("/widget/{id}/avatars/robot", chatId))
            .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png")).andExpect(content().bytes(PNG));
        mvc.perform(get("/widget/{id}/avatars/operator", chatId))
            .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("image/svg+xml")));
    }

    @Test
    void anotherCompanysChatIsNotFound() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String chatId = new ChatsApi(mvc, beta.bearer()).chat("{\"name\":\"Чужой\"}");
        mvc.perform(get("/api/v1/chats/{id}", chatId).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/chats/{id}", chatId).header("Authorization", alpha.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Мой\"}")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/chats/{id}", chatId).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/chats").header("Authorization", alpha.bearer())).andExpect(jsonPath("$").isEmpty());
        mvc.perform(delete("/api/v1/chats/{id}", chatId).header("Authorization", beta.bearer())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/chats/{id}", chatId).header("Authorization", beta.bearer())).andExpect(status().isNotFound());
    }

    private ResultActions create(TestCompany company, String json) throws Exception {
        return mvc.perform(post("/api/v1/chats").header("Authorization", company.bearer()).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
