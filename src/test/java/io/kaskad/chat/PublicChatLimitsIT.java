package io.kaskad.chat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.HostileCallerTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The anonymous chat API has brakes (this context's limits: 5 starts a minute per address, 8 per chat,
 * 10 messages per address, 3 open streams per address): beyond them 429 with Retry-After; other
 * addresses and callers with the company's key go on.
 */
@HostileCallerTest
class PublicChatLimitsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void sessionStartsAreLimitedPerAddressAndPerChat() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Нагрузка\"}");
        String first = address();
        for (int i = 0; i < 5; i++) {
            start(chatId, first).andExpect(status().isCreated());
        }
        start(chatId, first).andExpect(status().isTooManyRequests())
            .andExpect(header().exists("Retry-After"))
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        String second = address();
        for (int i = 0; i < 3; i++) {
            start(chatId, second).andExpect(status().isCreated());
        }
        // eight starts in this chat this minute: a third address is refused too, another chat is not
        start(chatId, address()).andExpect(status().isTooManyRequests());
        start(new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Другой\"}"), address()).andExpect(status().isCreated());
        // the company's own system is not braked
        mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions", chatId).header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{}").with(from(first)))
            .andExpect(status().isCreated());
    }

    @Test
    void clientMessagesAndOpenStreamsAreLimitedPerAddress() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Болтовня\"}");
        String visitor = address();
        String session = JsonPath.read(start(chatId, visitor).andReturn().getResponse().getContentAsString(), "$.id");
        for (int i = 0; i < 10; i++) {
            say(session, visitor).andExpect(status().isCreated());
        }
        say(session, visitor).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        say(session, address()).andExpect(status().isCreated());
        // the company's own key is not braked on its session; another company's key lifts nothing
        sayWithKey(session, visitor, acme.bearer()).andExpect(status().isCreated());
        sayWithKey(session, visitor, accounts.company().bearer()).andExpect(status().isTooManyRequests());

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/sessions/{id}/events", session).with(from(visitor))).andExpect(request().asyncStarted());
        }
        mvc.perform(get("/api/v1/sessions/{id}/events", session).with(from(visitor))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/sessions/{id}/events", session).with(from(address()))).andExpect(request().asyncStarted());
    }

    private ResultActions start(String chatId, String address) throws Exception {
        return mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions", chatId).contentType(MediaType.APPLICATION_JSON).content("{}")
            .with(from(address)));
    }

    private ResultActions say(String sessionId, String address) throws Exception {
        return mvc.perform(post("/api/v1/sessions/{id}/messages", sessionId).contentType(MediaType.APPLICATION_JSON)
            .content("{\"body\":\"Привет\"}").with(from(address)));
    }

    private ResultActions sayWithKey(String sessionId, String address, String bearer) throws Exception {
        return mvc.perform(post("/api/v1/sessions/{id}/messages", sessionId).header("Authorization", bearer)
            .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Привет\"}").with(from(address)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        return "198.18." + (int) (Math.random() * 256) + "." + (1 + (int) (Math.random() * 250));
    }
}
