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
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sending with templates: only approved ones, exactly as approved, with variables and request overrides. */
@IntegrationTest
class TemplateSendIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Test
    void aNotificationTemplateIsUsedByIdOnlyOnceApprovedAndTheRequestOverridesItsTexts() throws Exception {
        TestCompany acme = accounts.company();
        // without the template's 09:00–21:00 window, so that the send is due whatever the time of day the test runs at
        String id = create(acme, TemplateApiIT.NOTIFICATION.replace("\"whatsapp\":{\"templateName\":\"order_ready\"},", "")
            .replace(",\"allowedTimeRanges\":[{\"from\":\"09:00:00\",\"to\":\"21:00:00\"}]", ""));
        String byTemplate = message("{}", "{\"phone\":\"79161230001\",\"variables\":{\"code\":\"1234\"}}", ",\"templateId\":\"" + id + "\"")
            .replace("\"channels\":{},", "");

        send(acme, byTemplate).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(containsString(id)))
            .andExpect(jsonPath("$.state").value("DRAFT"));
        approve(acme, id);

        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        Map<String, Object> delivered = api.awaitStatus(api.sendOne(byTemplate), "DELIVERED");
        assertThat((String) JsonPath.read(delivered, "$.attempts[0].text")).isEqualTo("Код 1234");
        String overridden = api.sendOne(message("{\"sms\":{\"text\":\"Ваш код: {code}\"}}",
                "{\"phone\":\"79161230001\",\"variables\":{\"code\":\"5678\"}}", ",\"templateId\":\"" + id + "\""));
        assertThat((String) JsonPath.read(api.get(overridden), "$.attempts[0].text")).isEqualTo("Ваш код: 5678");
        List<Map<String, Object>> withoutVariable = api.send(byTemplate.replace(",\"variables\":{\"code\":\"1234\"}", ""));
        assertThat(MessagesApi.errorCodes(withoutVariable)).containsExactly("MISSING_VARIABLE");
        send(acme, byTemplate.replace(id, "00000000-0000-0000-0000-000000000000")).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(containsString("does not exist")));
    }

    @Test
    void aWhatsAppTemplateIsSentByNameWithItsParameters() throws Exception {
        TestCompany acme = accounts.company();
        String id = create(acme, TemplateApiIT.WHATSAPP);
        String request = message("{\"whatsapp\":{\"templateName\":\"order_ready\",\"templateData\":{\"1\":\"Иван\",\"2\":\"A-42\"}}}",
                "{\"phone\":\"79161230002\"}");
        send(acme, request).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.state").value("DRAFT"));
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", acme.bearer()));
        send(acme, request).andExpect(jsonPath("$.state").value("ON_MODERATION"));
        templates.approve(id, "moderator");

        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        Map<String, Object> delivered = api.awaitStatus(api.sendOne(request), "DELIVERED");
        assertThat((String) JsonPath.read(delivered, "$.attempts[0].text"))
            .isEqualTo("*Заказ Иван*\nЗдравствуйте, Иван! Заказ A-42 готов.\nМагазин");
        send(acme, request.replace(",\"2\":\"A-42\"", "")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].channels.whatsapp.templateData"));
        send(acme, request.replace("order_ready", "no_such_template")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theApprovedVersionStaysInUseWhileANewOneIsModerated() throws Exception {
        TestCompany acme = accounts.company();
        String id = create(acme, TemplateApiIT.WHATSAPP);
        approve(acme, id);
        mvc.perform(put("/api/v1/templates/{id}", id).header("Authorization", acme.bearer()).contentType(MediaType.APPLICATION_JSON)
            .content(TemplateApiIT.WHATSAPP.replace("готов", "ждёт вас")));
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", acme.bearer()));

        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String sent = api.sendOne(message("{\"whatsapp\":{\"templateName\":\"order_ready\",\"templateData\":{\"1\":\"Анна\",\"2\":\"7\"}}}",
                "{\"phone\":\"79161230003\"}"));
        assertThat((String) JsonPath.read(api.get(sent), "$.attempts[0].text")).contains("Заказ 7 готов.");
    }

    @Test
    void aMailruTemplateIsSentAsApprovedToVkAndOk() throws Exception {
        TestCompany acme = accounts.company();
        String id = create(acme, TemplateApiIT.MAILRU);
        approve(acme, id);
        MessagesApi api = new MessagesApi(mvc, acme.bearer());

        String sent = api.sendOne(message("{\"vk\":{\"templateName\":\"Напоминание\",\"required\":true},\"ok\":{\"templateName\":\"Напоминание\",\"required\":true}}",
                "{\"phone\":\"79161230004\"}"));
        Map<String, Object> message = api.awaitStatus(sent, "DELIVERED");
        assertThat((List<String>) JsonPath.read(message, "$.attempts[*].text")).containsExactly("Ваш заказ готов", "Заказ готов (OK)");
        send(acme, message("{\"vk\":{\"templateName\":\"Напоминание\",\"text\":\"Свой текст\"}}", "{\"phone\":\"79161230004\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].channels.vk.text"));
    }

    private String create(TestCompany company, String json) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/templates").header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private void approve(TestCompany company, String id) throws Exception {
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", company.bearer())).andExpect(status().isOk());
        templates.approve(id, "moderator");
    }

    private ResultActions send(TestCompany company, String json) throws Exception {
        return mvc.perform(post("/api/v1/messages").header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
