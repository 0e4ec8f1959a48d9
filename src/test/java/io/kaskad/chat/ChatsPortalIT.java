package io.kaskad.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestClock;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chat pages of the portal: the form with avatars, live search, scenarios and their console, dialogs. */
@IntegrationTest
class ChatsPortalIT {

    static final String SURVEY = """
            {"start":"hello","steps":[
              {"id":"hello","messages":["Здравствуйте, {name}! Оцените доставку"],
               "buttons":[{"text":"Отлично","next":"thanks","set":{"nps":"5"}}]},
              {"id":"thanks","messages":["Спасибо за ответ!"],"action":"END"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Test
    void theFormSavesEveryFieldAndABadValueKeepsTheChatUnsavedWithTheReason() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        MockMultipartFile gif = new MockMultipartFile("robotAvatar", "bot.gif", "image/gif", ChatApiIT.GIF);
        mvc.perform(multipart("/chats").file(gif).session(session).with(csrf())
                .param("name", "Сайт").param("robotColor", "hsla(210, 40%, 17%, 1)").param("feedbackScale", "5"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("не JPEG и не PNG")));
        mvc.perform(multipart("/chats").session(session).with(csrf()).param("name", "Сайт").param("userColor", "зелёный"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Цвет пользователя: Цвет «зелёный» не распознан")));
        mvc.perform(get("/api/v1/chats").header("Authorization", acme.bearer())).andExpect(jsonPath("$").isEmpty());

        MockMultipartFile png = new MockMultipartFile("robotAvatar", "bot.png", "image/png", ChatApiIT.PNG);
        mvc.perform(multipart("/chats").file(png).session(session).with(csrf()).param("name", "Сайт")
                .param("robotColor", "hsla(210, 40%, 17%, 1)").param("links[TELEGRAM]", "https://t.me/shop_bot")
                .param("feedbackRequest", "true").param("feedbackScale", "10"))
            .andExpect(redirectedUrl("/chats"));
        String chats = mvc.perform(get("/api/v1/chats").header("Authorization", acme.bearer())).andReturn().getResponse().getContentAsString();
        String chatId = JsonPath.read(chats, "$[0].id");
        mvc.perform(get("/api/v1/chats/{id}", chatId).header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.robotColor").value("hsla(210, 40%, 17%, 1)"))
            .andExpect(jsonPath("$.feedbackScale").value(10))
            .andExpect(jsonPath("$.messengerLinks.TELEGRAM").value("https://t.me/shop_bot"));
        mvc.perform(get("/widget/{id}/avatars/robot", chatId)).andExpect(content().contentType("image/png"));
        mvc.perform(get("/widget/{id}", chatId))
            .andExpect(content().string(containsString("--robot-color: hsla(210, 40%, 17%, 1)")))
            .andExpect(content().string(containsString("https://t.me/shop_bot")));
        // a site in English embeds the widget with ?lang=en
        mvc.perform(get("/widget/{id}", chatId).param("lang", "en"))
            .andExpect(content().string(containsString(">Send</button>")))
            .andExpect(content().string(not(containsString("Отправить"))));
    }

    @Test
    void theListSearchesAsTheClientTypes() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi api = new ChatsApi(mvc, acme.bearer());
        String shopId = api.chat("{\"name\":\"Магазин\"}");
        api.chat("{\"name\":\"Доставка\"}");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/chats/rows").param("q", "маг").session(session).header("HX-Request", "true"))
            .andExpect(content().string(containsString("Магазин")))
            .andExpect(content().string(not(containsString("Доставка"))))
            .andExpect(content().string(containsString("&lt;iframe id=&quot;kaskad-chat-" + shopId + "&quot; src=&quot;http://localhost/widget/"
                    + shopId + "/launcher&quot;")))
            .andExpect(content().string(containsString("/assets/chat/embed.js&quot; data-frame=&quot;kaskad-chat-" + shopId)))
            // the chat's id, which the API and task files ask for, with a copy button (seed 000)
            .andExpect(content().string(containsString("data-copy-target=\"#chat-id-" + shopId + "\"")));
        // a search that finds nothing says so, rather than inviting to create the first chat
        mvc.perform(get("/chats/rows").param("q", "zzz").session(session).header("HX-Request", "true"))
            .andExpect(content().string(containsString("Ничего не найдено")))
            .andExpect(content().string(not(containsString("Создайте первый"))));
    }

    @Test
    void aScenarioIsWrittenInThePortalRefusedWithReasonsAndTriedInTheConsole() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(post("/chats/scenarios").session(session).with(csrf()).param("name", "Плохой")
                .param("definition", "{\"start\":\"a\",\"steps\":[{\"id\":\"a\",\"messages\":[\"Привет\"],\"next\":\"b\"}]}"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Переход ведёт на несуществующий шаг «b»")));
        mvc.perform(post("/chats/scenarios").session(session).with(csrf()).param("name", "Не JSON").param("definition", "{oops"))
            .andExpect(content().string(containsString("Это не JSON сценария")));
        String location = mvc.perform(post("/chats/scenarios").session(session).with(csrf()).param("name", "Опрос")
                .param("definition", SURVEY))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // the saved scenario comes back as written: nothing the user did not type ("set": null, "buttons": [])
        mvc.perform(get(location).session(session))
            .andExpect(content().string(not(containsString("null"))))
            .andExpect(content().string(not(containsString("[ ]"))));
        String console = location + "/console";
        String started = mvc.perform(post(console).session(session).with(csrf()).param("restart", "true").param("variables", "name=Иван"))
            .andExpect(content().string(containsString("Здравствуйте, Иван!")))
            .andReturn().getResponse().getContentAsString();
        String state = hidden(started, "state");
        String transcript = hidden(started, "transcript");
        mvc.perform(post(console).session(session).with(csrf()).param("state", state).param("transcript", transcript)
                .param("answer", "Отлично").param("variables", "name=Иван"))
            .andExpect(content().string(containsString("Спасибо за ответ!")))
            .andExpect(content().string(containsString("nps=5")));
    }

    @Test
    void anotherCompanysDialogIsNotFound() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String chatId = new ChatsApi(mvc, beta.bearer()).chat("{\"name\":\"Чужой\"}");
        String sessionId = JsonPath.read(mvc.perform(post("/api/chats/v1/chats/{id}/sessions", chatId)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getContentAsString(), "$.id");
        MockHttpSession alphaSession = PortalLogin.as(mvc, alpha.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/dialogs/{id}", sessionId).session(alphaSession)).andExpect(status().isNotFound());
        mvc.perform(post("/dialogs/{id}/take", sessionId).session(alphaSession).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/dialogs").session(alphaSession)).andExpect(content().string(not(containsString(sessionId))));
        MockHttpSession betaSession = PortalLogin.as(mvc, beta.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/dialogs").session(betaSession)).andExpect(content().string(containsString(sessionId)));
        mvc.perform(get("/dialogs/{id}", sessionId).session(betaSession))
            .andExpect(content().string(containsString("Здравствуйте! Чем мы можем помочь?")));
    }

    /** The value of a hidden input of an htmx fragment. */
    private static String hidden(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        org.assertj.core.api.Assertions.assertThat(m.find()).as("hidden input " + name).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    @Test
    void theMenuCountsDialogsWaitingForAnOperator() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chatWithScenario(chats.npsScenario());
        String session = JsonPath.read(mvc.perform(post("/api/chats/v1/chats/{id}/sessions", chatId)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/sessions/{id}/messages", session).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Оператор\"}"))
            .andExpect(status().isCreated());

        String rated = JsonPath.read(mvc.perform(post("/api/chats/v1/chats/{id}/sessions", chatId)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/sessions/{id}/messages", rated).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Хорошо\"}"))
            .andExpect(status().isCreated());

        MockHttpSession portal = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/dialogs").session(portal))
            // an anonymous visitor is named as one, not by a UUID; a result is said in words
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Посетитель сайта")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Оценка: 5")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"waiting-dialogs\"")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("data-waiting=\"1\"")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("status-WAITING_OPERATOR")));
    }

    /** What the portal sends back in a redirect is encoded into it, never read as a URI template ({x} was a 500). */
    @Test
    void goingOnlineWithAnyChatFilterComesBackToTheSameFilter() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession portal = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(post("/dialogs/online").param("chat", "{x}").session(portal).with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/dialogs?chat=%7Bx%7D"));
        mvc.perform(post("/dialogs/online").param("on", "false").param("chat", "a b&c=d").session(portal).with(csrf()))
            .andExpect(redirectedUrl("/dialogs?chat=a+b%26c%3Dd"));
        mvc.perform(post("/dialogs/{id}/take", "{x}").session(portal).with(csrf())).andExpect(status().isNotFound());
    }

    /** A tab that slept past the presence shows "не на линии" at the next refresh of the list, not a stale "на линии". */
    @Test
    void theDialogListsRefreshShowsAPresenceThatHasLapsed() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession portal = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(post("/dialogs/online").session(portal).with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/dialogs/rows").session(portal))
            .andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
            .andExpect(content().string(containsString(">на линии<")));
        try {
            clock.advance(Duration.ofMinutes(2));
            mvc.perform(get("/dialogs/rows").session(portal))
                .andExpect(content().string(containsString(">не на линии<")))
                .andExpect(content().string(containsString(">Выйти на линию<")));
        }
        finally {
            clock.reset();
        }
    }
}
