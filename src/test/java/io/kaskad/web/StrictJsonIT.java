package io.kaskad.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.ProvidersApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The API reads JSON as it is written: a value of the wrong type is refused with its field's path, never converted. */
@IntegrationTest
class StrictJsonIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aConnectionWithValuesOfTheWrongTypeIsRefusedNamingTheField() throws Exception {
        TestCompany acme = accounts.company();
        ProvidersApi api = new ProvidersApi(mvc, acme.bearer());
        String valid = ProvidersApi.smtp("Почта", 2525, 1);

        MvcResult listHost = api.create(valid.replace("\"host\":\"127.0.0.1\"", "\"host\":[\"127.0.0.1\"]"));
        assertThat(listHost.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(listHost.getResponse().getContentAsString(), "$.errors[0].field")).isEqualTo("settings.host");

        assertRefused(api.create(valid.replace("\"priority\":1", "\"priority\":1,\"sendRate\":1.5")), "Field 'sendRate' has a value of the wrong type", "expected a number");
        assertRefused(api.create(valid.replace("\"priority\":1", "\"priority\":\"1\"")), "Field 'priority' has a value of the wrong type", "expected a number");
        assertRefused(api.create(valid.replace("\"priority\":1", "\"priority\":1,\"enabled\":1")), "Field 'enabled' has a value of the wrong type", "expected true or false");
        assertRefused(api.create(valid.replace("\"name\":\"Почта\"", "\"name\":7")), "Field 'name' has a value of the wrong type", "expected text");
        assertRefused(api.create(valid.replace("\"name\":\"Почта\"", "\"name\":\"По\\u0000чта\"")), "Field 'name' holds a NUL character", "no text may hold");
        assertThat(api.list().getResponse().getContentAsString()).doesNotContain("Почта").doesNotContain("[127.0.0.1]");
    }

    @Test
    void aSessionMessageWhoseBodyIsNotTextIsRefused() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Строгий\"}");
        String session = JsonPath.read(mvc.perform(post("/api/chats/v1/chats/{id}/sessions", chatId)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getContentAsString(), "$.id");

        MvcResult answer = mvc.perform(post("/api/v1/sessions/{id}/messages", session).contentType(MediaType.APPLICATION_JSON)
            .content("{\"body\":5}")).andReturn();

        assertRefused(answer, "Field 'body' has a value of the wrong type", "expected text");
        // the session API's contract writes a phone as a number: a whole one is its digits, anything else is refused
        assertThat(mvc.perform(post("/api/chats/v1/chats/{id}/sessions", chatId).contentType(MediaType.APPLICATION_JSON)
            .content("{\"clientPhone\":75555673245}")).andReturn().getResponse().getStatus()).isEqualTo(201);
        assertRefused(mvc.perform(post("/api/chats/v1/chats/{id}/sessions", chatId).contentType(MediaType.APPLICATION_JSON)
            .content("{\"clientPhone\":7555567.5}")).andReturn(), "Field 'clientPhone' has a value of the wrong type", "expected text");
    }

    private static void assertRefused(MvcResult answer, String detail, String... more) throws Exception {
        assertThat(answer.getResponse().getStatus()).as(answer.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<String>read(answer.getResponse().getContentAsString(), "$.detail")).startsWith(detail).contains(more);
    }
}
