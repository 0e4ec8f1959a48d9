package io.kaskad.task;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TaskFilesForTests;
import io.kaskad.support.TasksApi;
import io.kaskad.support.TemplatesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.template.TemplateService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Task files: each type's template, and each type's file read from XLSX and from CSV (commas or
 * semicolons, headers in Russian or as keys, any case and spaces), with every bad row reported.
 */
@IntegrationTest
class TaskFilesIT {

    static final List<String> ADVERTISING_HEADERS = List.of("Идентификатор чат-сессии", "Текст сообщения", "Использовать короткие ссылки",
            "Продолжить последнюю сессию или начать новую", "Провайдер", "Канал");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Test
    void everyTypeOffersATemplateWithHeadersDescriptionsAndAnExample() throws Exception {
        TestCompany acme = accounts.company();
        for (TaskType type : TaskType.values()) {
            byte[] file = mvc.perform(get("/api/v1/tasks/templates/{type}", type.name().toLowerCase()).header("Authorization", acme.bearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
            List<List<String>> rows = TaskFilesForTests.read(file);
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).containsExactlyElementsOf(type.columns().stream().map(TaskColumn::header).toList());
            assertThat(rows.get(1)).allSatisfy(description -> assertThat(description).isNotBlank());
            assertThat(rows.get(2)).anySatisfy(example -> assertThat(example).isNotBlank());
        }
        List<List<String>> advertising = TaskFilesForTests.read(mvc.perform(get("/api/v1/tasks/templates/ADVERTISING")
            .header("Authorization", acme.bearer())).andReturn().getResponse().getContentAsByteArray());
        assertThat(advertising.get(0)).containsExactlyElementsOf(ADVERTISING_HEADERS);
        assertThat(advertising.get(1).get(4)).contains("TWIN");
        assertThat(advertising.get(1).get(5)).contains("chat");
        mvc.perform(get("/api/v1/tasks/templates/FAX").header("Authorization", acme.bearer())).andExpect(status().isNotFound());
    }

    @Test
    void smsRowsAreReadAlikeFromXlsxTheFilledTemplateAndCsvWithCommasOrSemicolons() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        byte[] template = mvc.perform(get("/api/v1/tasks/templates/SMS").header("Authorization", acme.bearer())).andReturn().getResponse()
            .getContentAsByteArray();
        List<List<String>> filled = new java.util.ArrayList<>(TaskFilesForTests.read(template).subList(0, 2));
        filled.add(List.of("79160000001", "Заказ готов", "TRUE"));
        filled.add(List.of("+7 (916) 000-00-02", "Заказ; готов", "false"));
        filled.add(List.of("79160000003", "Заказ \"А\" готов", ""));

        Map<String, Object> fromXlsx = tasks.get(tasks.create("SMS", "filled.xlsx", TaskFilesForTests.xlsx(filled)));
        List<List<String>> byKeys = new java.util.ArrayList<>(filled.subList(2, 5));
        byKeys.add(0, List.of(" PHONE ", "Text", "use short links", "Примечание"));
        Map<String, Object> fromCommaCsv = tasks.get(tasks.create("sms", "keys.csv", TaskFilesForTests.csv(',', byKeys)));
        List<List<String>> russian = new java.util.ArrayList<>(filled.subList(2, 5));
        russian.add(0, List.of("телефон", "ТЕКСТ СООБЩЕНИЯ", "Использовать  короткие ссылки"));
        Map<String, Object> fromSemicolonCsv = tasks.get(tasks.create("SMS", "excel.csv", TaskFilesForTests.csv(';', russian)));

        for (Map<String, Object> task : List.of(fromXlsx, fromCommaCsv, fromSemicolonCsv)) {
            assertThat((Integer) JsonPath.read(task, "$.validation.rows")).isEqualTo(3);
            assertThat((Integer) JsonPath.read(task, "$.validation.validRows")).isEqualTo(3);
            assertThat((String) JsonPath.read(task, "$.status")).isEqualTo("READY");
            assertThat((List<String>) JsonPath.read(task, "$.channels")).containsExactly("sms");
        }
        assertThat((List<String>) JsonPath.read(fromCommaCsv, "$.validation.ignoredColumns")).containsExactly("Примечание");
    }

    @Test
    void theReportNamesEveryBadRowItsColumnAndReasonAndTheValidRowsMakeTheTask() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        byte[] file = TaskFilesForTests.csv(';', List.of(
                List.of("phone", "text", "useShortLinks"),
                List.of("79160000011", "Привет", "true"),
                List.of("12345", "Привет", "false"),
                List.of("79160000013", "", "false"),
                List.of("79160000014", "Привет", "может быть"),
                List.of("79160000011", "Ещё раз", ""),
                List.of("", "", ""),
                List.of("79160000016", "Привет", "")));

        String answer = tasks.upload("SMS", "bad.csv", file).andExpect(status().isCreated())
            .andExpect(jsonPath("$.validation.rows").value(6))
            .andExpect(jsonPath("$.validation.validRows").value(2))
            .andExpect(jsonPath("$.validation.invalidRows").value(4))
            .andExpect(jsonPath("$.problems[0].row").value(3))
            .andExpect(jsonPath("$.problems[0].column").value("phone"))
            .andExpect(jsonPath("$.problems[0].code").value("BAD_PHONE"))
            .andExpect(jsonPath("$.problems[0].message").value(containsString("12345")))
            .andExpect(jsonPath("$.problems[1].row").value(4))
            .andExpect(jsonPath("$.problems[1].code").value("REQUIRED"))
            .andExpect(jsonPath("$.problems[1].column").value("text"))
            .andExpect(jsonPath("$.problems[2].code").value("BAD_BOOLEAN"))
            .andExpect(jsonPath("$.problems[3].row").value(6))
            .andExpect(jsonPath("$.problems[3].code").value("DUPLICATE"))
            .andExpect(jsonPath("$.problems[3].value").value("2"))
            .andReturn().getResponse().getContentAsString();

        String report = tasks.text(JsonPath.read(answer, "$.reportUrl"));
        assertThat(report.lines().toList()).hasSize(5);
        assertThat(report).startsWith("\uFEFFСтрока;Колонка;Причина;Значение")
            .contains("3;Телефон (phone);Неверный номер телефона «12345»")
            .contains("4;Текст сообщения (text);Не заполнено обязательное поле.")
            .contains("5;Использовать короткие ссылки (useShortLinks);Неверное значение «может быть»")
            .contains("6;;Получатель повторяется: он уже есть в строке 2.;2");
    }

    @Test
    void aNotificationRowNeedsAnApprovedTemplateByIdOrNameAnAddressAndItsVariables() throws Exception {
        TestCompany acme = accounts.company();
        TemplatesApi templatesApi = new TemplatesApi(mvc, templates);
        String approved = templatesApi.approved(acme, "{\"type\":\"NOTIFICATION\",\"name\":\"Заказ\",\"channels\":{"
                + "\"sms\":{\"text\":\"Заказ {order} готов\"},\"email\":{\"text\":\"Заказ {order} готов\",\"subject\":\"Заказ\"}}}");
        String draft = templatesApi.draft(acme,
                "{\"type\":\"NOTIFICATION\",\"name\":\"Черновик\",\"channels\":{\"sms\":{\"text\":\"Привет\"}}}");
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        byte[] file = TaskFilesForTests.xlsx(List.of(
                List.of("Идентификатор шаблона", "Телефон", "E-mail", "order"),
                List.of(approved, "79160000021", "", "A-1"),
                List.of(approved, "", "anna@example.com", "A-2"),
                List.of("no-such-template", "79160000023", "", "A-3"),
                List.of(draft, "79160000024", "", ""),
                List.of(approved, "", "", "A-5"),
                List.of(approved, "79160000026", "", ""),
                List.of("Заказ", "79160000027", "", "A-7"))); // a template is named by its id or its exact name

        String answer = tasks.upload("NOTIFICATION", "notify.xlsx", file).andExpect(status().isCreated())
            .andExpect(jsonPath("$.validation.validRows").value(3))
            .andExpect(jsonPath("$.problems[0].code").value("UNKNOWN_TEMPLATE"))
            .andExpect(jsonPath("$.problems[0].column").value("templateId"))
            .andExpect(jsonPath("$.problems[1].code").value("UNAPPROVED_TEMPLATE"))
            .andExpect(jsonPath("$.problems[1].message").value(containsString("DRAFT")))
            .andExpect(jsonPath("$.problems[2].code").value("NO_ADDRESS"))
            .andExpect(jsonPath("$.problems[3].code").value("MISSING_VARIABLE"))
            .andExpect(jsonPath("$.problems[3].value").value("order"))
            .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(answer, "$.channels")).containsExactlyInAnyOrder("sms", "email");
    }

    @Test
    void chatTypesCheckTheirChatsAndSessions() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chatWithScenario(chats.npsScenario());
        TasksApi tasks = new TasksApi(mvc, acme.bearer());

        byte[] start = TaskFilesForTests.csv(',', List.of(
                List.of("chatId", "clientId", "text", "messengerType", "variables"),
                List.of(chatId, "client-1", "Добрый день", "api", "{\"name\":\"Анна\"}"),
                List.of(chatId, "client-2", "", "", ""),
                List.of("00000000-0000-0000-0000-000000000000", "client-3", "", "", ""),
                List.of(chatId, "client-4", "", "PIGEON", "{name}")));
        tasks.upload("CHAT_SESSION_START", "start.csv", start).andExpect(status().isCreated())
            .andExpect(jsonPath("$.validation.validRows").value(2))
            .andExpect(jsonPath("$.problems[0].code").value("UNKNOWN_CHAT"))
            .andExpect(jsonPath("$.problems[1].code").value("UNKNOWN_MESSENGER"))
            .andExpect(jsonPath("$.problems[2].code").value("BAD_VARIABLES"));

        byte[] whatsApp = TaskFilesForTests.xlsx(List.of(
                List.of("Телефон", "Идентификатор чата", "Текст сообщения", "Шаблон WhatsApp"),
                List.of("79160000031", chatId, "Здравствуйте! Напишите нам", ""),
                List.of("79160000032", chatId, "", ""),
                List.of("79160000033", chatId, "", "no_such_template")));
        tasks.upload("WHATSAPP_CHAT_SESSION", "wa.xlsx", whatsApp).andExpect(status().isCreated())
            .andExpect(jsonPath("$.validation.validRows").value(1))
            .andExpect(jsonPath("$.channels[0]").value("whatsapp"))
            .andExpect(jsonPath("$.channels[1]").value("chat"))
            .andExpect(jsonPath("$.problems[0].code").value("REQUIRED"))
            .andExpect(jsonPath("$.problems[1].code").value("UNKNOWN_TEMPLATE"));

        String session = JsonPath.read(mvc.perform(post("/api/chats/v1/chats/{chatId}/sessions", chatId)
            .contentType("application/json").content("{}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        byte[] advertising = TaskFilesForTests.xlsx(List.of(ADVERTISING_HEADERS,
                List.of(session, "Скидка 10%", "FALSE", "FALSE", "TWIN", "chat"),
                List.of("00000000-0000-0000-0000-000000000000", "Скидка", "", "", "", ""),
                List.of(session, "Скидка", "", "", "SMSC", "sms")));
        tasks.upload("ADVERTISING", "ads.xlsx", advertising).andExpect(status().isCreated())
            .andExpect(jsonPath("$.validation.validRows").value(1))
            .andExpect(jsonPath("$.problems[0].code").value("UNKNOWN_CHAT_SESSION"))
            .andExpect(jsonPath("$.problems[1].code").value("UNKNOWN_PROVIDER"))
            .andExpect(jsonPath("$.problems[2].code").value("UNKNOWN_CHANNEL"));
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefusedNamingWhyAndLeavesNoTask() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        tasks.upload("SMS", "old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 })
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("file"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("XLSX")));
        tasks.upload("SMS", "no-phone.csv", TaskFilesForTests.csv(',', List.of(List.of("text"), List.of("Привет"))))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message").value(containsString("Телефон (phone)")));
        tasks.upload("SMS", "header-only.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"))))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("file"));
        tasks.upload("SMS", "latin1.csv", new byte[] { 'p', 'h', 'o', 'n', 'e', ',', 't', 'e', 'x', 't', '\n', '7', ',', (byte) 0xE9 })
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message").value(containsString("UTF-8")));
        tasks.upload("SMS", "broken.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 })
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("file"));
        tasks.upload("FAX", "x.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160000001", "a"))),
                "2026-01-02T10:00", "2026-01-01T10:00")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("type"));
        tasks.upload("SMS", "x.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160000001", "a"))),
                "2030-01-02T10:00", "2030-01-01T10:00")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("periodTo"));
        tasks.upload("SMS", "x.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160000001", "a"))),
                "tomorrow", null)
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("periodFrom"));
        assertThat((List<?>) JsonPath.read(mvc.perform(get("/api/v1/tasks").header("Authorization", acme.bearer()))
            .andReturn().getResponse().getContentAsString(), "$")).isEmpty();
    }
}
