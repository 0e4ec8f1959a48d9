package io.kaskad.message;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestClock;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Status callbacks reach a real HTTP endpoint, are retried when it fails, and never hold up sending. */
@IntegrationTest
class CallbackIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    private HttpServer endpoint;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.createContext("/slow", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        endpoint.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        endpoint.stop(0);
        clock.reset();
    }

    @Test
    void everyStatusChangeIsPostedWithTheCallbackData() throws Exception {
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}",
                ",\"callbackUrl\":\"" + url("/hook") + "\",\"callbackData\":\"order-7\""));
        api.awaitStatus(id, "DELIVERED");

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).contains("DELIVERED"));
        assertThat(statuses(id)).contains("SENDING", "DELIVERED");
        String delivered = received.stream().filter(body -> body.contains("\"DELIVERED\"")).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(delivered, "$.callbackData")).isEqualTo("order-7");
        assertThat((String) JsonPath.read(delivered, "$.previousStatus")).isEqualTo("SENDING");
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoff() throws Exception {
        failuresLeft.set(2);
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        String id = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}",
                ",\"callbackUrl\":\"" + url("/hook") + "\""));
        api.awaitStatus(id, "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> failuresLeft.get() <= 0);

        clock.advance(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).containsAll(List.of("SENDING", "DELIVERED")));
    }

    @Test
    void aHangingEndpointDoesNotSlowSending() throws Exception {
        MessagesApi api = new MessagesApi(mvc, accounts.company().bearer());
        for (int i = 0; i < 20; i++) {
            api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}", ",\"callbackUrl\":\"" + url("/slow") + "\""));
        }
        String other = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}"));
        await().atMost(Duration.ofSeconds(4)).until(() -> api.get(other).get("status"), "DELIVERED"::equals);
    }

    @Test
    void aCallbackUrlMustBeHttp() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/messages")
                .header("Authorization", accounts.company().bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}", ",\"callbackUrl\":\"ftp://x\"")))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                .value("messages[0].callbackUrl"));
    }

    private List<String> statuses(String messageId) {
        return received.stream().filter(body -> body.contains(messageId)).map(body -> (String) JsonPath.read(body, "$.status")).toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + path;
    }
}
