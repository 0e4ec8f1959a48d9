package io.kaskad.template;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Templates in the portal: the editor and its preview, moderation by an admin, what the client sees. */
@IntegrationTest
class TemplatesPortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Test
    void thePreviewCountsSmsSegmentsAndListsVariables() throws Exception {
        MockHttpSession session = PortalLogin.as(mvc, accounts.company().username(), TestAccounts.PASSWORD);
        mvc.perform(post("/templates/preview").session(session).with(csrf()).header("HX-Request", "true")
                .param("type", "NOTIFICATION").param("channels[0].channel", "sms")
                .param("channels[0].text", "Здравствуйте, {name}! Ваш код {code}. " + "я".repeat(40)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("2 SMS (UCS2)")))
            .andExpect(content().string(containsString("{name}")))
            .andExpect(content().string(containsString("{code}")))
            .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/templates/preview").session(session).with(csrf()).header("HX-Request", "true")
                .param("type", "WHATSAPP").param("headerType", "TEXT").param("headerText", "Заказ {{1}}").param("body", "Готов {{1}}")
                .param("buttons[0].type", "QUICK_REPLY").param("buttons[0].text", "Спасибо"))
            .andExpect(content().string(containsString("id=\"whatsapp-preview\"")))
            .andExpect(content().string(containsString("Заказ [1]")))
            .andExpect(content().string(containsString("Спасибо")));
    }

    @Test
    void aRejectedTemplateShowsTheReasonAndAnApprovedOneItsState() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession client = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        String location = mvc.perform(post("/templates").session(client).with(csrf()).param("type", "MAILRU")
                .param("name", "Напоминание").param("email", "owner@shop.example").param("body", "Заказ готов"))
            .andExpect(redirectedUrlPattern("/templates/*"))
            .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/templates/".length());
        mvc.perform(post("/templates").session(client).with(csrf()).param("type", "MAILRU").param("name", "x").param("email", "bad"))
            .andExpect(status().isOk())
            // the problem is shown at its field, not as a raw field name above the form
            .andExpect(content().string(containsString("Укажите e-mail")))
            .andExpect(content().string(not(containsString("email: Укажите e-mail"))))
            .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/templates/{id}/submit", id).session(client).with(csrf())).andExpect(redirectedUrl(location));

        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/admin/moderation").param("type", "MAILRU").session(admin))
            .andExpect(content().string(containsString("Напоминание")))
            .andExpect(content().string(containsString(acme.company().name())));
        mvc.perform(post("/admin/moderation/{id}/reject", id).param("reason", " ").session(admin).with(csrf()))
            .andExpect(redirectedUrl("/admin/moderation/" + id));
        mvc.perform(post("/admin/moderation/{id}/reject", id).param("reason", "Укажите ссылку на группу").session(admin).with(csrf()))
            .andExpect(redirectedUrl("/admin/moderation"));

        mvc.perform(get(location).session(client))
            .andExpect(content().string(containsString("Отклонён")))
            .andExpect(content().string(containsString("Укажите ссылку на группу")));
        mvc.perform(post(location).session(client).with(csrf()).param("type", "MAILRU").param("name", "Напоминание")
                .param("email", "owner@shop.example").param("body", "Заказ готов").param("vkGroupUrl", "https://vk.com/shop"))
            .andExpect(redirectedUrl(location));
        mvc.perform(post("/templates/{id}/submit", id).session(client).with(csrf()));
        mvc.perform(post("/admin/moderation/{id}/approve", id).session(admin).with(csrf())).andExpect(redirectedUrl("/admin/moderation"));

        mvc.perform(get("/templates/mailru").session(client)).andExpect(content().string(containsString("Одобрен")));
        assertThat(templates.get(acme.id(), id).state()).isEqualTo(TemplateState.APPROVED);
        mvc.perform(get("/admin/moderation").session(client)).andExpect(status().isForbidden());
        mvc.perform(get(location).session(PortalLogin.as(mvc, accounts.company().username(), TestAccounts.PASSWORD)))
            .andExpect(status().isNotFound());
    }

    @Test
    void theWhatsAppFormSaysTheNameRuleShowsErrorsAtTheirFieldsAndKeepsItsMenuEntry() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession client = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/templates/new").param("type", "WHATSAPP").session(client))
            .andExpect(content().string(containsString("<title>Новый шаблон</title>")))
            .andExpect(content().string(containsString("a-z, 0-9, _")))
            .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*href=\"/templates/whatsapp\"[^>]*class=\"nav-link active\".*|(?s).*class=\"nav-link active\"[^>]*href=\"/templates/whatsapp\".*")));
        mvc.perform(post("/templates").session(client).with(csrf()).param("type", "WHATSAPP").param("name", "Order Ready")
                .param("languageCode", "ru").param("body", "Здравствуйте"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*class=\"form-control is-invalid\"[^>]*id=\"name\".*")))
            .andExpect(content().string(not(containsString("name: "))));
    }

    @Test
    void theNotificationFormOffersTheCascadesChannelsAsTheSendFormDoes() throws Exception {
        MockHttpSession client = PortalLogin.as(mvc, accounts.company().username(), TestAccounts.PASSWORD);
        // the same rows as the send form (one fragment): a channel, a text area with its label, "обязательный" tied to its box
        for (String page : new String[] { "/templates/new?type=NOTIFICATION", "/messages/new" }) {
            mvc.perform(get(page).session(client))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"channels0.channel\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<textarea[^>]*aria-label=\"Текст, можно[^\"]*\"[^>]*id=\"channels0.text\".*")))
                .andExpect(content().string(containsString("for=\"channels0.required1\"")));
        }
    }

    @Test
    void theTemplateListIsSearchedByNameAndFilteredByState() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession client = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        for (String name : new String[] { "Напоминание", "Код входа" }) {
            mvc.perform(post("/templates").session(client).with(csrf()).param("type", "MAILRU").param("name", name)
                    .param("email", "owner@shop.example").param("body", "Текст"))
                .andExpect(redirectedUrlPattern("/templates/*"));
        }
        mvc.perform(get("/templates/mailru").param("q", "код").session(client))
            .andExpect(content().string(containsString("Код входа")))
            .andExpect(content().string(not(containsString(">Напоминание<"))));
        mvc.perform(get("/templates/mailru").param("state", "APPROVED").session(client))
            .andExpect(content().string(containsString("Ничего не найдено")));
    }
}
