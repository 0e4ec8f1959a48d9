package io.kaskad.message;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seed 000's useShortLinks: the links of an SMS become short links of their own, a click leads to the
 * original address and is counted per message; previews and bots are recorded apart; an unknown code
 * gets a plain page.
 */
@IntegrationTest
class ShortLinksIT {

    private static final String CHROME = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anSmsLinkIsShortenedAndItsClicksAreCountedApartFromPreviews() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String id = api.sendOne("""
                {"messages":[{"useShortLinks":true, "callbackUrl":"https://shop.example/kaskad/status",
                  "channels":{"sms":{"text":"Заказ готов: https://shop.example/orders/42?utm=sms. Спасибо!"},
                              "email":{"subject":"Заказ","text":"Заказ готов: https://shop.example/orders/42"}},
                  "destinations":[{"phone":"79001230042","email":"anna@example.com"}]}]}""");
        Map<String, Object> message = api.awaitStatus(id, "DELIVERED");
        String smsText = JsonPath.read(message, "$.attempts[0].text");
        assertThat(smsText).matches("Заказ готов: http://localhost(:\\d+)?/s/[0-9A-Za-z]{8}\\. Спасибо!");
        assertThat((String) JsonPath.read(message, "$.attempts[1].text")).as("e-mail links stay as written")
            .contains("https://shop.example/orders/42");
        List<Map<String, Object>> links = JsonPath.read(message, "$.links");
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).containsEntry("channel", "SMS").containsEntry("url", "https://shop.example/orders/42?utm=sms");
        String code = ((String) links.get(0).get("shortUrl")).substring(((String) links.get(0).get("shortUrl")).lastIndexOf('/') + 1);
        assertThat(smsText).contains("/s/" + code);

        // the messenger fetching a preview as the SMS arrives, and a HEAD request: not clicks
        mvc.perform(get("/s/{code}", code).header("User-Agent", "TelegramBot (like TwitterBot)")).andExpect(status().isFound());
        mvc.perform(head("/s/{code}", code).header("User-Agent", CHROME)).andExpect(status().isFound());
        clock.advance(Duration.ofSeconds(5));
        mvc.perform(get("/s/{code}", code).header("User-Agent", CHROME))
            .andExpect(status().isFound())
            .andExpect(header().string("Location", "https://shop.example/orders/42?utm=sms"))
            .andExpect(header().string("Cache-Control", containsString("no-store")));

        // the person's click, not the previews, goes to the message's callbackUrl
        List<String> clickCallbacks = jdbc.sql("""
                SELECT payload FROM callback_delivery WHERE message_id = (SELECT id FROM message WHERE public_id = ?)
                AND payload LIKE '%"event":"CLICK"%'""").param(id).query(String.class).list();
        assertThat(clickCallbacks).singleElement().asString()
            .contains("\"url\":\"https://shop.example/orders/42?utm=sms\"").contains("\"id\":\"" + id + "\"");

        mvc.perform(get("/api/v1/messages/{id}", id).header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.links[0].clicks").value(1))
            .andExpect(jsonPath("$.links[0].previews").value(2))
            .andExpect(jsonPath("$.links[0].lastClickAt").exists());
        mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", "2020-01-01T00:00:00Z").param("to", "2100-01-01T00:00:00Z").param("fields", "id,clicks"))
            .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].clicks").value(1));
        MockHttpSession client = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/messages/{id}", id).session(client))
            .andExpect(content().string(containsString("id=\"short-links\"")))
            .andExpect(content().string(containsString("https://shop.example/orders/42?utm=sms")));
    }

    @Test
    void aMessageWithoutShortLinksKeepsItsLinksAndAnUnknownCodeGetsAPlainPage() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String id = api.sendOne(MessagesApi.message("{\"sms\":{\"text\":\"См. https://shop.example/a\"}}", "{\"phone\":\"79001230043\"}"));
        Map<String, Object> message = api.get(id);
        assertThat((String) JsonPath.read(message, "$.attempts[0].text")).isEqualTo("См. https://shop.example/a");
        assertThat((List<?>) JsonPath.read(message, "$.links")).isEmpty();

        for (String code : new String[] { "NoSuch123", "not-a-code" }) {
            mvc.perform(get("/s/{code}", code))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ссылка не найдена")));
        }
    }

    /** Links a browser would accept although a URI may not hold them as written: each click leads where the link says. */
    @Test
    void aLinkWithCharactersAUriMayNotHoldIsFollowedEncodedAsABrowserWouldSendIt() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("https://shop.example/a|b", "https://shop.example/a%7Cb");
        expected.put("https://shop.example/x^y", "https://shop.example/x%5Ey");
        expected.put("https://shop.example/q?x=`1`", "https://shop.example/q?x=%601%60");
        expected.put("https://shop.example/c\\d", "https://shop.example/c%5Cd");
        expected.put("https://shop.example/p?d=%zz&ok=%41", "https://shop.example/p?d=%25zz&ok=%41");
        expected.put("https://shop.example/заказ/1", "https://shop.example/%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7/1");
        String text = String.join(" ", expected.keySet()).replace("\\", "\\\\");
        String id = api.sendOne(MessagesApi.message("{\"sms\":{\"text\":\"" + text + "\"}}", "{\"phone\":\"79001230044\"}",
                ",\"useShortLinks\":true"));
        List<Map<String, Object>> links = JsonPath.read(api.awaitStatus(id, "DELIVERED"), "$.links");
        assertThat(links).extracting(link -> link.get("url")).containsExactlyElementsOf(expected.keySet());

        for (Map<String, Object> link : links) {
            String shortUrl = (String) link.get("shortUrl");
            mvc.perform(get("/s/{code}", shortUrl.substring(shortUrl.lastIndexOf('/') + 1)).header("User-Agent", CHROME))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", expected.get((String) link.get("url"))));
        }
    }
}
