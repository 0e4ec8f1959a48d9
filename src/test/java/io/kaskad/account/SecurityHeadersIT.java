package io.kaskad.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a browser is told: a Content-Security-Policy that the portal passes and that lets any site
 * frame the widget but none the portal, a Referrer-Policy, SameSite cookies (checked over real HTTP,
 * where the server writes them), HSTS over HTTPS; and a widget link cannot be {@code javascript:}.
 */
@IntegrationTest
class SecurityHeadersIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void thePortalCannotBeFramedRunsOnlyItsOwnScriptsAndItsCookiesAreSameSite() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));

        TestCompany acme = accounts.company();
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String session = cookies.get(0).split(";")[0];
        String form = "username=" + URLEncoder.encode(acme.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&remember-me=on&_csrf=" + token.group(1);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", session)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("remember-me="))
            .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theWidgetMayBeFramedByAnySiteAndItsLinksAreNeverScripts() throws Exception {
        TestCompany acme = accounts.company();
        String chatId = new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Сайт\",\"messengerLinks\":{\"TELEGRAM\":\"tg://resolve?domain=shop\"}}");
        mvc.perform(get("/widget/{id}", chatId))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors *")))
            .andExpect(header().doesNotExist("X-Frame-Options"));
        for (String hostile : List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)")) {
            mvc.perform(post("/api/v1/chats").header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Злой\",\"messengerLinks\":{\"TELEGRAM\":\"" + hostile + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("messengerLinks.TELEGRAM"));
        }
    }

    @Test
    void httpsAnswersCarryHsts() throws Exception {
        mvc.perform(get("/login").secure(true)).andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }
}
