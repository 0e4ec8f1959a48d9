package io.kaskad.notice;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;

import io.kaskad.account.CompanyService;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.template.TemplateService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** A moderation decision reaches the client by e-mail (real SMTP, GreenMail) and as a notice in the portal. */
@IntegrationTest
class ModerationNoticeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Autowired
    CompanyService companies;

    @Autowired
    GreenMail smtp;

    @Test
    void aRejectionIsEmailedWithItsReasonAndShownAsANotice() throws Exception {
        TestCompany acme = accounts.company();
        String companyEmail = "owner-" + TestAccounts.unique() + "@acme.example";
        companies.updateSettings(acme.id(), "Europe/Moscow", 50, companyEmail);
        String id = submitted(acme, """
                {"type":"WHATSAPP","name":"promo_week","languageCode":"ru","body":"Скидки {{1}}"}""");

        templates.reject(id, "moderator", "Рекламные шаблоны не принимаются");

        MimeMessage mail = awaitMailTo(companyEmail);
        assertThat(mail.getSubject()).isEqualTo("Kaskad: шаблон «promo_week» отклонён");
        assertThat((String) mail.getContent()).contains("Рекламные шаблоны не принимаются").contains("/templates/" + id);
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(content().string(containsString("id=\"unread-notices\"")));
        mvc.perform(get("/notices").session(session))
            .andExpect(content().string(containsString("Шаблон «promo_week» отклонён")))
            .andExpect(content().string(containsString("Рекламные шаблоны не принимаются")));
        mvc.perform(get("/").session(session)).andExpect(content().string(not(containsString("id=\"unread-notices\""))));
    }

    @Test
    void aMailruApprovalAlsoGoesToTheTemplatesOwnEmail() throws Exception {
        TestCompany acme = accounts.company();
        String templateEmail = "vk-" + TestAccounts.unique() + "@shop.example";
        String id = submitted(acme, """
                {"type":"MAILRU","name":"Скидки","email":"%s","body":"Скидки недели"}""".formatted(templateEmail));

        templates.approve(id, "moderator");

        assertThat(awaitMailTo(templateEmail).getSubject()).isEqualTo("Kaskad: шаблон «Скидки» одобрен");
    }

    private String submitted(TestCompany company, String json) throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/v1/templates").header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", company.bearer()));
        return id;
    }

    private MimeMessage awaitMailTo(String address) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages())
            .filter(message -> recipients(message).contains(address))
            .findFirst()
            .orElse(null), message -> message != null);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
