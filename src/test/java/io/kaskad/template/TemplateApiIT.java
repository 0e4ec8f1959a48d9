package io.kaskad.template;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Templates over the API: each kind's validation, the moderation lifecycle and its history, tenancy. */
@IntegrationTest
class TemplateApiIT {

    static final String WHATSAPP = """
            {"type":"WHATSAPP","name":"order_ready","languageCode":"ru","namespace":"shop",
             "header":{"type":"TEXT","text":"Заказ {{1}}"},
             "body":"Здравствуйте, {{1}}! Заказ {{2}} готов.","footer":"Магазин",
             "buttons":[{"type":"URL","text":"Открыть","url":"https://shop.example/orders"},{"type":"PHONE","text":"Позвонить","phone":"+79161234567"}]}""";
    static final String MAILRU = """
            {"type":"MAILRU","name":"Напоминание","email":"owner@shop.example","body":"Ваш заказ готов",
             "vkBody":"","vkGroupUrl":"https://vk.com/shop","okBody":"Заказ готов (OK)","okGroupUrl":"https://ok.ru/group/123"}""";
    static final String NOTIFICATION = """
            {"type":"NOTIFICATION","name":"Код входа","channels":{"whatsapp":{"templateName":"order_ready"},"sms":{"text":"Код {code}"}},
             "validityPeriod":30,"allowedTimeRanges":[{"from":"09:00:00","to":"21:00:00"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Test
    void eachKindIsCreatedAsADraftWithItsFields() throws Exception {
        TestCompany acme = accounts.company();
        create(acme, WHATSAPP).andExpect(status().isCreated())
            .andExpect(jsonPath("$.state").value("DRAFT"))
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.header.text").value("Заказ {{1}}"))
            .andExpect(jsonPath("$.buttons[1].phone").value("+79161234567"));
        create(acme, MAILRU).andExpect(status().isCreated()).andExpect(jsonPath("$.okGroupUrl").value("https://ok.ru/group/123"));
        create(acme, NOTIFICATION).andExpect(status().isCreated())
            .andExpect(jsonPath("$.channels.sms.text").value("Код {code}"))
            .andExpect(jsonPath("$.validityPeriod").value(30));
        mvc.perform(get("/api/v1/templates").param("type", "WHATSAPP").header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$[*].name").value(containsInAnyOrder("order_ready")));
        create(acme, WHATSAPP).andExpect(status().isConflict());
    }

    @Test
    void whatsAppLimitsAreCheckedWithClearMessages() throws Exception {
        TestCompany acme = accounts.company();
        create(acme, """
                {"type":"WHATSAPP","name":"Bad Name","languageCode":"russian",
                 "header":{"type":"TEXT","text":"{{1}} и {{2}}"},"body":"Привет {{1}}, {{3}}","footer":"Код {{1}}",
                 "buttons":[{"type":"URL","text":"a","url":"https://a.example"},{"type":"URL","text":"b","url":"ftp://b"},
                            {"type":"QUICK_REPLY","text":"Да"},{"type":"PHONE","text":"Позвонить в наш замечательный магазин","phone":"12"}]}""")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "languageCode", "header.text", "body",
                    "footer", "buttons", "buttons", "buttons[1].url", "buttons[3].text", "buttons[3].phone")));
    }

    @Test
    void mailruAndNotificationTemplatesAreCheckedToo() throws Exception {
        TestCompany acme = accounts.company();
        create(acme, """
                {"type":"MAILRU","name":"x","email":"nobody","body":" ","vkGroupUrl":"https://facebook.com/x"}""")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email", "body", "vkGroupUrl")));
        create(acme, """
                {"type":"NOTIFICATION","name":"x","channels":{"fax":{"text":"x"},"sms":{}},"validityPeriod":0}""")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("channels.fax", "channels.sms.text", "validityPeriod")));
        create(acme, "{\"name\":\"x\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void theModerationLifecycleIsRecordedAndAnApprovedVersionStaysWhileANewOneIsModerated() throws Exception {
        TestCompany acme = accounts.company();
        String id = JsonPath.read(create(acme, WHATSAPP).andReturn().getResponse().getContentAsString(), "$.id");

        submit(acme, id).andExpect(jsonPath("$.state").value("ON_MODERATION"));
        update(acme, id, WHATSAPP).andExpect(status().isConflict());
        submit(acme, id).andExpect(status().isConflict());

        templates.reject(id, "moderator", "Уберите ссылку на сторонний сайт");
        mvc.perform(get("/api/v1/templates/{id}", id).header("Authorization", acme.bearer()))
            .andExpect(jsonPath("$.state").value("REJECTED"))
            .andExpect(jsonPath("$.rejectReason").value("Уберите ссылку на сторонний сайт"));
        update(acme, id, WHATSAPP.replace("Заказ {{2}} готов.", "Заказ {{2}} можно забрать.")).andExpect(jsonPath("$.state").value("DRAFT"));
        submit(acme, id);
        templates.approve(id, "moderator");

        update(acme, id, WHATSAPP.replace("готов", "ждёт вас"))
            .andExpect(jsonPath("$.state").value("DRAFT"))
            .andExpect(jsonPath("$.version").value(2))
            .andExpect(jsonPath("$.approvedVersion").value(1));
        String body = mvc.perform(get("/api/v1/templates/{id}", id).header("Authorization", acme.bearer()))
            .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> history = JsonPath.read(body, "$.history");
        assertThat(history).extracting(e -> e.get("toState"))
            .containsExactly("DRAFT", "ON_MODERATION", "REJECTED", "DRAFT", "ON_MODERATION", "APPROVED", "DRAFT");
        assertThat(history.get(2)).containsEntry("actor", "moderator").containsEntry("reason", "Уберите ссылку на сторонний сайт");
        assertThat((String) history.get(0).get("actor")).startsWith("API key #");
    }

    @Test
    void anotherCompanysTemplateIsNotFound() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String id = JsonPath.read(create(beta, MAILRU).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(get("/api/v1/templates/{id}", id).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        update(alpha, id, MAILRU).andExpect(status().isNotFound());
        submit(alpha, id).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/templates/{id}", id).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/templates/{id}", id).header("Authorization", beta.bearer())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/templates/{id}", id).header("Authorization", beta.bearer())).andExpect(status().isNotFound());
    }

    private ResultActions create(TestCompany company, String json) throws Exception {
        return mvc.perform(post("/api/v1/templates").header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions update(TestCompany company, String id, String json) throws Exception {
        return mvc.perform(put("/api/v1/templates/{id}", id).header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions submit(TestCompany company, String id) throws Exception {
        return mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", company.bearer()));
    }
}
