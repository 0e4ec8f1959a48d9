package io.kaskad.provider;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.ProvidersApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestSmsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A company's provider connections through the API and the portal: validation with field paths,
 * secrets that never come back out (answers, pages, the table), checks that make a real round trip and
 * say what failed, and tenancy.
 */
@IntegrationTest
class ProviderConnectionsIT {

    private static final String PASSWORD = "Pw9-smpp";
    private static TestSmsc smsc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSmsc() throws IOException {
        smsc = new TestSmsc("kaskad", PASSWORD);
    }

    @AfterAll
    static void stopSmsc() throws IOException {
        smsc.close();
    }

    @Test
    void settingsAreCheckedAgainstTheTypeWithTheirPaths() throws Exception {
        ProvidersApi api = new ProvidersApi(mvc, accounts.company().bearer());
        MvcResult refused = api.create("""
                {"name":"Почта","type":"SMTP","settings":{"port":"seventy","security":"carrier pigeon","fromAddress":"not-an-address",
                 "bogus":1},"secrets":{"token":"x"}}""");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        List<String> fields = JsonPath.read(refused.getResponse().getContentAsString(), "$.errors[*].field");
        assertThat(fields).contains("settings.host", "settings.port", "settings.security", "settings.fromAddress", "settings.bogus",
                "secrets.token");

        MvcResult wrongChannel = api.create(ProvidersApi.smpp("SMS", 2775, "kaskad", "x", 1).replace("\"channel\":\"sms\"", "\"channel\":\"email\""));
        assertThat(wrongChannel.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(wrongChannel.getResponse().getContentAsString(), "$.errors[*].field")).containsExactly("channel");

        MvcResult longPassword = api.create(ProvidersApi.smpp("SMS", 2775, "kaskad", "longer-than-eight", 1));
        assertThat(JsonPath.<List<String>>read(longPassword.getResponse().getContentAsString(), "$.errors[*].field"))
            .containsExactly("secrets.password");

        MvcResult unknownType = api.create("{\"name\":\"X\",\"type\":\"CARRIER_PIGEON\"}");
        assertThat(JsonPath.<List<String>>read(unknownType.getResponse().getContentAsString(), "$.errors[*].field")).containsExactly("type");

        api.createOk(ProvidersApi.smtp("Дубль", 25, 1));
        assertThat(api.create(ProvidersApi.smtp("Дубль", 25, 2)).getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void secretsAreWriteOnlyAndEncryptedAtRest() throws Exception {
        TestAccounts.TestCompany acme = accounts.company();
        ProvidersApi api = new ProvidersApi(mvc, acme.bearer());
        String secret = PASSWORD; // the test SMSC's: the check after the rename proves the password was kept
        MvcResult created = api.create(ProvidersApi.smpp("СМС-центр", smsc.port(), "kaskad", secret, 10));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(JsonPath.<String>read(created.getResponse().getContentAsString(), "$.secrets.password")).isEqualTo("set");

        MvcResult renamed = api.update(id, ProvidersApi.smpp("СМС-центр 2", smsc.port(), "kaskad", secret, 10)
            .replace(",\n \"secrets\":{\"password\":\"" + secret + "\"}", ""));
        List<String> bodies = List.of(created.getResponse().getContentAsString(), api.get(id).getResponse().getContentAsString(),
                api.list().getResponse().getContentAsString(), renamed.getResponse().getContentAsString(),
                api.check(id).getResponse().getContentAsString());
        MockHttpSession portal = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        String listPage = mvc.perform(get("/settings/providers").session(portal)).andReturn().getResponse().getContentAsString();
        String editPage = mvc.perform(get("/settings/providers/{id}", id).session(portal)).andReturn().getResponse().getContentAsString();
        assertThat(listPage).contains("СМС-центр").contains("Пароль: задан");
        assertThat(editPage).contains("Задан — оставьте пустым, чтобы не менять");
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(secret));
        assertThat(listPage).doesNotContain(secret);
        assertThat(editPage).doesNotContain(secret);

        String stored = jdbc.sql("SELECT secrets FROM provider_connection WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).isNotBlank().doesNotContain(secret);
        // the rename without secrets kept the password: the check still binds
        assertThat(api.checkResult(id)).containsEntry("ok", true);
    }

    @Test
    void aCheckMakesARealRoundTripAndSaysWhatFailed() throws Exception {
        ProvidersApi api = new ProvidersApi(mvc, accounts.company().bearer());
        long mail = api.createOk(ProvidersApi.smtp("GreenMail", greenMail.getSmtp().getPort(), 1));
        assertThat(api.checkResult(mail)).containsEntry("ok", true);

        long closed = api.createOk(ProvidersApi.smtp("Закрытый порт", closedPort(), 2));
        Map<String, Object> refused = api.checkResult(closed);
        assertThat(refused).containsEntry("ok", false).containsEntry("problem", "refused");
        assertThat((String) refused.get("message")).startsWith("Сервер не принимает подключения на этом порту");

        long sms = api.createOk(ProvidersApi.smpp("SMSC", smsc.port(), "kaskad", PASSWORD, 1));
        assertThat(api.checkResult(sms)).containsEntry("ok", true);
        long wrongPassword = api.createOk(ProvidersApi.smpp("SMSC чужой пароль", smsc.port(), "kaskad", "wrong", 2));
        Map<String, Object> auth = api.checkResult(wrongPassword);
        assertThat(auth).containsEntry("ok", false).containsEntry("problem", "auth");
        assertThat((String) auth.get("message")).startsWith("Сервер отклонил логин или пароль");
    }

    /** Pointed at a port that is no mail server (a database's greeting here), a check says so in plain words, never the bytes it read. */
    @Test
    void aCheckOfAPortThatIsNoMailServerNeverShowsWhatThePortSent() throws Exception {
        ProvidersApi api = new ProvidersApi(mvc, accounts.company().bearer());
        try (ServerSocket database = new ServerSocket(0)) {
            Thread greeter = new Thread(() -> greetAndClose(database, "d\u0000\u0000\u0000\n5.5.5-10.11.19-MariaDB secret-banner"));
            greeter.setDaemon(true);
            greeter.start();
            long id = api.createOk(ProvidersApi.smtp("База данных", database.getLocalPort(), 1));

            String body = api.check(id).getResponse().getContentAsString();

            assertThat(JsonPath.<String>read(body, "$.problem")).isEqualTo("no-smtp");
            assertThat(JsonPath.<String>read(body, "$.message")).startsWith("На этом адресе отвечает не почтовый сервер")
                .endsWith("(127.0.0.1:" + database.getLocalPort() + ").");
            assertThat(body).doesNotContain("MariaDB").doesNotContain("secret-banner").doesNotContain("\\u0000").doesNotContain("greeting");
            greeter.join(5_000);
        }
    }

    @Test
    void aCompanyRunsAtMostTenChecksAMinuteAndTheEleventhSaysWhenToTryAgain() throws Exception {
        ProvidersApi api = new ProvidersApi(mvc, accounts.company().bearer());
        long id = api.createOk(ProvidersApi.smtp("Закрытый порт", closedPort(), 1));
        for (int i = 0; i < 10; i++) {
            assertThat(api.check(id).getResponse().getStatus()).isEqualTo(200);
        }

        MvcResult eleventh = api.check(id);

        assertThat(eleventh.getResponse().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(eleventh.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        // another company's allowance is its own
        ProvidersApi other = new ProvidersApi(mvc, accounts.company().bearer());
        assertThat(other.check(other.createOk(ProvidersApi.smtp("Закрытый порт", closedPort(), 1))).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void anotherCompanysConnectionsDoNotExistForYou() throws Exception {
        ProvidersApi owner = new ProvidersApi(mvc, accounts.company().bearer());
        long id = owner.createOk(ProvidersApi.smtp("Чужая почта", 25, 1));
        TestAccounts.TestCompany other = accounts.company();
        ProvidersApi intruder = new ProvidersApi(mvc, other.bearer());
        assertThat(intruder.get(id).getResponse().getStatus()).isEqualTo(404);
        assertThat(intruder.update(id, ProvidersApi.smtp("Моя", 25, 1)).getResponse().getStatus()).isEqualTo(404);
        assertThat(intruder.check(id).getResponse().getStatus()).isEqualTo(404);
        assertThat(intruder.delete(id).getResponse().getStatus()).isEqualTo(404);
        assertThat(intruder.list().getResponse().getContentAsString()).doesNotContain("Чужая почта");
        MockHttpSession portal = PortalLogin.as(mvc, other.username(), TestAccounts.PASSWORD);
        assertThat(mvc.perform(get("/settings/providers/{id}", id).session(portal)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(owner.get(id).getResponse().getStatus()).isEqualTo(200);
        assertThat(owner.delete(id).getResponse().getStatus()).isEqualTo(204);
        assertThat(owner.get(id).getResponse().getStatus()).isEqualTo(404);
    }

    private static void greetAndClose(ServerSocket server, String greeting) {
        try (Socket client = server.accept()) {
            client.getOutputStream().write(greeting.getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
        }
        catch (IOException ignored) {
            // the check closed first: what it read is what the test asserts on
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
