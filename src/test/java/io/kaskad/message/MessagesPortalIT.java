package io.kaskad.message;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Просмотр сообщений" as a client uses it: the list, its filters, a message's cascade, cancel, the send form. */
@IntegrationTest
class MessagesPortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    io.kaskad.template.TemplateService templates;

    @Test
    void theListShowsTheCompanysMessagesWithTheirStatusInRussian() throws Exception {
        TestCompany acme = accounts.company();
        TestCompany other = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String delivered = api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161110001\"}"));
        api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"12\"}"));
        new MessagesApi(mvc, other.bearer()).sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79162220002\"}"));
        api.awaitStatus(delivered, "DELIVERED");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);

        mvc.perform(get("/messages").session(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("79161110001")))
            .andExpect(content().string(containsString("Доставлено")))
            .andExpect(content().string(containsString("Отклонено")))
            .andExpect(content().string(not(containsString("79162220002"))));
        mvc.perform(get("/messages").param("status", "REJECTED").header("HX-Request", "true").session(session))
            .andExpect(content().string(containsString("id=\"message-results\"")))
            .andExpect(content().string(not(containsString("<html"))))
            .andExpect(content().string(not(containsString("79161110001"))));
        mvc.perform(get("/messages").param("recipient", "+79161110001").session(session))
            .andExpect(content().string(containsString("79161110001")));
    }

    @Test
    void showMoreContinuesWhereThePageEndedWithAPeriodAndWithARecipientAlike() throws Exception {
        TestCompany acme = accounts.company();
        StringBuilder destinations = new StringBuilder();
        for (int i = 0; i < 53; i++) {
            destinations.append(i == 0 ? "" : ",").append("{\"phone\":\"790055").append(String.format("%05d", i))
                .append("\",\"email\":\"same@example.com\"}");
        }
        new MessagesApi(mvc, acme.bearer()).send("{\"messages\":[{\"channels\":{\"sms\":{\"text\":\"Код\"}},\"destinations\":["
                + destinations + "]}]}");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
        // ordered by (created_at, id) with a period, by id with a recipient: either way 50, then the other 3, none twice
        for (String filter : new String[] { "from=" + today + "&to=" + today, "recipient=same@example.com" }) {
            String first = mvc.perform(get("/messages?" + filter).session(session)).andReturn().getResponse().getContentAsString();
            java.util.List<String> firstIds = messageIds(first);
            java.util.regex.Matcher cursor = java.util.regex.Pattern.compile("before=(\\d+)").matcher(first);
            org.assertj.core.api.Assertions.assertThat(cursor.find()).as(filter).isTrue();
            String more = mvc.perform(get("/messages?" + filter + "&before=" + cursor.group(1)).session(session).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
            java.util.List<String> moreIds = messageIds(more);
            org.assertj.core.api.Assertions.assertThat(firstIds).as(filter).hasSize(50);
            org.assertj.core.api.Assertions.assertThat(moreIds).as(filter).hasSize(3).doesNotContainAnyElementsOf(firstIds);
        }
    }

    private static java.util.List<String> messageIds(String html) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"/messages/([0-9a-f-]{36})\"").matcher(html);
        while (link.find()) {
            ids.add(link.group(1));
        }
        return ids;
    }

    @Test
    void aMessageShowsItsCascadeAndCanBeCancelledWhileNotSent() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String id = api.sendOne(message("{\"whatsapp\":{\"text\":\"Код 1\"},\"sms\":{\"text\":\"Код 1\"}}", "{\"phone\":\"79161110003\"}",
                ",\"sendAt\":\"" + OffsetDateTime.now().plusHours(1) + "\""));
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);

        mvc.perform(get("/messages/{id}", id).session(session))
            .andExpect(content().string(containsString("WhatsApp")))
            .andExpect(content().string(containsString("Запланировано")))
            .andExpect(content().string(containsString("Ждёт своей очереди")))
            .andExpect(content().string(containsString("id=\"cancel-message\"")));
        mvc.perform(post("/messages/{id}/cancel", id).header("HX-Request", "true").session(session).with(csrf()))
            .andExpect(content().string(containsString("Сообщение отменено")))
            .andExpect(content().string(not(containsString("id=\"cancel-message\""))));
        mvc.perform(get("/messages/{id}", id).session(PortalLogin.as(mvc, accounts.company().username(), TestAccounts.PASSWORD)))
            .andExpect(status().isNotFound());
    }

    @Test
    void theSendFormSendsLikeTheApiAndExplainsWhatIsWrong() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/messages/new").session(session)).andExpect(status().isOk());

        mvc.perform(post("/messages/new").session(session).with(csrf())
                .param("channels[0].channel", "sms").param("channels[0].text", "")
                .param("channels[1].channel", "viber").param("channels[1].text", "Привет")
                .param("phone", "79161110004"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Укажите текст сообщения")));
        mvc.perform(post("/messages/new").session(session).with(csrf())
                .param("channels[0].channel", "sms").param("channels[0].text", "Привет").param("phone", "123"))
            .andExpect(content().string(containsString("от 10 до 18 цифр")));
        // a refused form stores nothing: no "Отклонено" message appears in the list
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String list = mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", java.time.Instant.now().minusSeconds(600).toString()).param("to", java.time.Instant.now().plusSeconds(60).toString()))
            .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) com.jayway.jsonpath.JsonPath.read(list, "$.items")).isEmpty();
        // a phone written as people write it is the same phone
        String sent = mvc.perform(post("/messages/new").session(session).with(csrf())
                .param("channels[0].channel", "sms").param("channels[0].text", "Привет").param("phone", "+7 (916) 111-00-04"))
            .andExpect(redirectedUrlPattern("/messages/*"))
            .andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(api.get(sent.substring(sent.lastIndexOf('/') + 1)))
            .extracting(message -> ((java.util.Map<?, ?>) message.get("destination")).get("phone")).isEqualTo("+79161110004");
    }

    @Test
    void cancellingOnTheMessagePageShowsTheNewStatusAtOnce() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String id = api.sendOne(io.kaskad.support.MessagesApi.message("{\"sms\":{\"text\":\"Позже\"}}", "{\"phone\":\"79161110005\"}",
                ",\"sendAt\":\"" + java.time.Instant.now().plusSeconds(3_600) + "\""));
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        String card = mvc.perform(post("/messages/{id}/cancel", id).session(session).with(csrf()).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(card).contains("status-CANCELLED").doesNotContain("status-CREATED")
            .doesNotContain("id=\"cancel-message\"");
    }

    @Test
    void aProviderErrorIsExplainedInThePortalsLanguageWithTheProvidersTextBeside() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        // sandbox numbers ending in 1: SMS fails with a provider error
        String id = api.sendOne(io.kaskad.support.MessagesApi.message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"70000000001\"}"));
        api.awaitStatus(id, "UNDELIVERED");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/messages/{id}", id).session(session))
            .andExpect(content().string(containsString("Провайдер (песочница) отказал в отправке.")))
            .andExpect(content().string(containsString("SANDBOX_PROVIDER_ERROR: Sandbox: the provider refused")));
    }

    @Test
    void theSendFormSendsAnApprovedTemplateWithItsVariablesToSeveralRecipients() throws Exception {
        TestCompany acme = accounts.company();
        String templateId = new io.kaskad.support.TemplatesApi(mvc, templates).approved(acme, """
                {"type":"NOTIFICATION","name":"Код %s","channels":{"sms":{"text":"Код {code}"}}}""".formatted(TestAccounts.unique()));
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/messages/new").session(session)).andExpect(content().string(containsString(templateId)));
        mvc.perform(post("/messages/new/sms-length").session(session).with(csrf()).header("HX-Request", "true")
                .param("channels[0].channel", "sms").param("channels[0].text", "Привет"))
            .andExpect(content().string(containsString("6")));

        String location = mvc.perform(post("/messages/new").session(session).with(csrf())
                .param("templateId", templateId).param("channels[0].channel", "sms").param("channels[0].text", "")
                .param("variables", "code=4321").param("recipients", "+7 (916) 111-00-11\n79161110012\n\n79161110013"))
            .andExpect(redirectedUrlPattern("/messages?bulkId=*"))
            .andReturn().getResponse().getRedirectedUrl();
        String bulkId = location.substring(location.indexOf('=') + 1);
        String list = mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
                .param("from", java.time.Instant.now().minusSeconds(600).toString()).param("to", java.time.Instant.now().plusSeconds(60).toString())
                .param("bulkId", bulkId))
            .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) com.jayway.jsonpath.JsonPath.read(list, "$.items")).hasSize(3);
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String first = com.jayway.jsonpath.JsonPath.read(list, "$.items[0].id");
        org.assertj.core.api.Assertions.assertThat((String) com.jayway.jsonpath.JsonPath.read(api.get(first), "$.attempts[0].text"))
            .isEqualTo("Код 4321");

        // one bad recipient refuses the whole send, naming the line, and stores nothing
        mvc.perform(post("/messages/new").session(session).with(csrf())
                .param("templateId", templateId).param("variables", "code=1").param("recipients", "79161110014\n12-34"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("12-34")));
    }

    @Test
    void theListSaysHowManyMatchAndExportsThemAsCsv() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        api.send("{\"messages\":[{\"channels\":{\"sms\":{\"text\":\"x\"}},\"destinations\":[{\"phone\":\"79161110021\"},{\"phone\":\"79161110022\"},"
                + "{\"phone\":\"79161110023\"}]}]}");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/messages").session(session)).andExpect(content().string(containsString("Найдено: 3")));
        mvc.perform(get("/messages").param("recipient", "79161110022").session(session))
            .andExpect(content().string(containsString("Найдено: 1")));
        String csv = mvc.perform(get("/messages/export.csv").session(session))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition",
                    containsString("kaskad-messages.csv")))
            .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv.lines().toList()).hasSize(4)
            .first().asString().startsWith("\uFEFFid;created;status");
        org.assertj.core.api.Assertions.assertThat(csv).contains("79161110021", "79161110022", "79161110023");
    }

    /** OWASP's CSV injection rule: a recipient id that would start a formula reaches the spreadsheet as text. */
    @Test
    void theExportNeverHandsASpreadsheetAFormula() throws Exception {
        TestCompany acme = accounts.company();
        new MessagesApi(mvc, acme.bearer()).send(MessagesApi.message("{\"telegram\":{\"text\":\"x\"}}",
                "{\"messengerUserId\":\"=HYPERLINK(\\\"http://x.example\\\",\\\"y\\\")\"},{\"messengerUserId\":\"-1+2\"},{\"messengerUserId\":\"@A1\"}"));
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);

        String csv = mvc.perform(get("/messages/export.csv").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThat(csv)
            .contains(";\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\";", ";'-1+2;", ";'@A1;")
            .doesNotContain(";=", ";-1", ";@A1");
    }
}
