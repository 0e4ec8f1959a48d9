package io.kaskad.web;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Inputs longer or larger than what the database holds: each is a 400 naming the field, with its limit,
 * never a 500, and nothing is stored.
 */
@IntegrationTest
class HostileInputIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void everyChannelFieldHasItsLimit() throws Exception {
        TestCompany acme = accounts.company();
        String phone = "{\"phone\":\"79161230001\",\"email\":\"a@b.example\",\"deviceId\":\"d-1\",\"messengerUserId\":\"42\"}";
        send(acme, message("{\"sms\":{\"text\":\"" + "я".repeat(10_001) + "\"}}", phone)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].channels.sms.text"));
        send(acme, message("{\"email\":{\"subject\":\"" + "s".repeat(100_000) + "\",\"text\":\"x\"}}", phone)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].channels.email.subject"));
        send(acme, message("{\"push\":{\"title\":\"" + "t".repeat(100_000) + "\",\"text\":\"x\"}}", phone)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].channels.push.title"));
        send(acme, message("{\"vk\":{\"from\":\"" + "f".repeat(5_000) + "\",\"text\":\"x\"}}", phone)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].channels.vk.from"));
        String ranges = IntStream.range(0, 42).mapToObj(i -> "\"09:00:00-21:00:00\"").collect(Collectors.joining(",", "[", "]"));
        send(acme, message("{\"sms\":{\"text\":\"x\"}}", phone, ",\"allowedTimeRanges\":" + ranges)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].allowedTimeRanges"));
        for (String when : new String[] { "9999-12-31T10:00:00Z", "0001-01-01T10:00:00Z" }) {
            send(acme, message("{\"sms\":{\"text\":\"x\"}}", phone, ",\"sendAt\":\"" + when + "\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("messages[0].sendAt"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("180")));
        }
    }

    @Test
    void aFormattedPhoneIsStoredAsDigitsAndAnOverlongOneIsRejectedNotA500() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String formatted = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"+7 (916) 123-45-67\"}"));
        assertThat(api.get(formatted)).extracting(m -> ((Map<?, ?>) m.get("destination")).get("phone")).isEqualTo("+79161234567");
        var rejected = api.send(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"+7 (916) 123-45-67 ext 1234567\"}"));
        assertThat(MessagesApi.errorCodes(rejected)).containsExactly("INVALID_PHONE");
    }

    @Test
    void aBodyAboveTheCapIsRefusedBeforeItIsRead() throws Exception {
        TestCompany acme = accounts.company();
        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON).content(huge))
            .andExpect(status().is(413))
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
            .andExpect(jsonPath("$.detail").value(containsString("16 MB")));
    }

    @Test
    void theAnonymousSessionApiBoundsWhatItStores() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Граница\"}");
        String longText = "x".repeat(300);
        String metadata = IntStream.range(0, 60).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(",", "{", "}"));
        String attachments = IntStream.range(0, 11).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        startSession(chatId, "{\"clientNameForOperator\":\"" + longText + "\",\"clientExternalId\":\"" + longText + "\",\"clientDeviceId\":\""
                + longText + "\",\"messengerUserId\":\"" + longText + "\",\"clientMetadata\":" + metadata + ",\"messageAttachments\":"
                + attachments + "}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field", hasItem("clientNameForOperator")))
            .andExpect(jsonPath("$.errors[*].field", hasItem("clientExternalId")))
            .andExpect(jsonPath("$.errors[*].field", hasItem("clientDeviceId")))
            .andExpect(jsonPath("$.errors[*].field", hasItem("messengerUserId")))
            .andExpect(jsonPath("$.errors[*].field", hasItem("clientMetadata")))
            .andExpect(jsonPath("$.errors[*].field", hasItem("messageAttachments")));
        String started = startSession(chatId, "{}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String sessionId = com.jayway.jsonpath.JsonPath.read(started, "$.id");
        mvc.perform(post("/api/v1/sessions/{id}/messages", sessionId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"Привет\",\"attachments\":[\"" + "z".repeat(1_000) + "\"],\"replyToMessageId\":\"" + longText + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field", hasItem("attachments")))
            .andExpect(jsonPath("$.errors[*].field", hasItem("replyToMessageId")));
    }

    @Test
    void theSessionApiTakesPhonesByTheSameRuleAsTheSendApi() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Телефоны\"}");
        startSession(chatId, "{\"clientPhone\":\"+7 (916) 123-45-67\"}").andExpect(status().isCreated());
        startSession(chatId, "{\"clientPhone\":\"12-34\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("clientPhone"));
    }

    @Test
    void aScenarioThatCannotRunIsRefusedWhenSaved() throws Exception {
        TestCompany acme = accounts.company();
        String chain = IntStream.range(0, 61)
            .mapToObj(i -> "{\"id\":\"s" + i + "\",\"messages\":[\"Шаг " + i + "\"]," + (i < 60 ? "\"next\":\"s" + (i + 1) + "\"}" : "\"action\":\"END\"}"))
            .collect(Collectors.joining(",", "[", "]"));
        mvc.perform(post("/api/v1/scenarios").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Цепочка\",\"start\":\"s0\",\"steps\":" + chain + "}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("steps"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("50")));
        String thousand = IntStream.range(0, 1_000).mapToObj(i -> "\"m\"").collect(Collectors.joining(",", "[", "]"));
        mvc.perform(post("/api/v1/scenarios").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Болтун\",\"start\":\"a\",\"steps\":[{\"id\":\"a\",\"messages\":" + thousand + ",\"action\":\"END\"}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("steps[0].messages"));
    }

    @Test
    void theScenarioConsoleStartsAgainOnATranscriptThatIsNotJson() throws Exception {
        TestCompany acme = accounts.company();
        String scenarioId = new ChatsApi(mvc, acme.bearer()).npsScenario();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(post("/chats/scenarios/{id}/console", scenarioId).param("transcript", "not json {").param("state", "{oops")
                .param("text", "Хорошо").session(session).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("диалог начат заново")));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedInPlainWords() throws Exception {
        TestCompany acme = accounts.company();
        send(acme, "{\"messages\":[{\"channels\":{\"vk\":{\"text\":\"x\",\"attachments\":\"not a list\"}},\"destinations\":[{\"phone\":\"79161230001\"}]}]}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("messages[0].channels.vk.attachments")))
            .andExpect(jsonPath("$.detail").value(containsString("a list")))
            .andExpect(jsonPath("$.detail").value(not(containsString("io.kaskad"))))
            .andExpect(jsonPath("$.detail").value(not(containsString("java."))));
    }

    private ResultActions send(TestCompany company, String body) throws Exception {
        return mvc.perform(post("/api/v1/messages").header("Authorization", company.bearer()).contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    private ResultActions startSession(String chatId, String body) throws Exception {
        return mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions", chatId).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
