package io.kaskad.message;

import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import io.kaskad.support.HostileCallerTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client cannot make Kaskad call into its own network through {@code callbackUrl}: every spelling
 * of an internal address is refused when the message is sent, and an address that turns internal
 * later is refused again when the callback is due, without a request.
 */
@HostileCallerTest
class CallbackTargetsIT {

    static final List<String> INTERNAL = List.of("http://127.0.0.1:8080/actuator/env", "http://localhost/", "http://[::1]/",
            "http://2130706433/", "http://0.0.0.0/", "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
            "http://10.0.0.1/", "http://[::ffff:10.0.0.1]/", "http://0x7f000001/");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Callbacks callbacks;

    @Test
    void everySpellingOfAnInternalAddressIsRefusedAndNothingIsStored() throws Exception {
        TestCompany acme = accounts.company();
        for (String url : INTERNAL) {
            mvc.perform(post("/api/v1/messages").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(message("{\"sms\":{\"text\":\"Код 1\"}}", "{\"phone\":\"79161230001\"}", ",\"callbackUrl\":\"" + url + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("messages[0].callbackUrl"));
        }
        String page = mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
            .param("from", Instant.now().minusSeconds(600).toString()).param("to", Instant.now().plusSeconds(60).toString()))
            .andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(page, "$.items")).isEmpty();
        new MessagesApi(mvc, acme.bearer()).sendOne(message("{\"sms\":{\"text\":\"Код 1\"}}", "{\"phone\":\"79161230001\"}",
                ",\"callbackUrl\":\"https://example.com/hook\""));
    }

    @Test
    void aCallbackWhoseAddressTurnedInternalIsGivenUpWithoutARequest() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        try {
            TestCompany acme = accounts.company();
            String url = "http://localhost:" + endpoint.getAddress().getPort() + "/hook";
            Timestamp now = Timestamp.from(Instant.now().minusSeconds(1));
            jdbc.sql("INSERT INTO callback_delivery (company_id, message_id, url, payload, status, attempts, next_at, created_at)"
                    + " VALUES (?, 0, ?, '{}', 'PENDING', 0, ?, ?)")
                .params(acme.id(), url, now, now)
                .update();

            while (callbacks.deliverDue(500) > 0) {
                // drains every due callback of the shared database, ours among them
            }

            assertThat(requests).hasValue(0);
            assertThat(jdbc.sql("SELECT status FROM callback_delivery WHERE company_id = ? AND url = ?").params(acme.id(), url)
                .query(String.class).single()).isEqualTo("FAILED");
        }
        finally {
            endpoint.stop(0);
        }
    }
}
