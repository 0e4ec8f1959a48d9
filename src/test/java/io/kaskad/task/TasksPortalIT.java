package io.kaskad.task;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TaskFilesForTests;
import io.kaskad.support.TasksApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "Задания на отправку" pages: the form, the draft with its report, a corrected file, the task's messages, tenancy. */
@IntegrationTest
class TasksPortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aDraftShowsItsReportTakesACorrectedFileAndBecomesATask() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/tasks/new").session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("template-ADVERTISING")));
        mvc.perform(get("/tasks/columns").param("type", "ADVERTISING").session(session))
            .andExpect(content().string(containsString("Продолжить последнюю сессию или начать новую")));
        // in English the names and descriptions are English, each with the header the template file has (Russian, as seed 000 has it)
        mvc.perform(get("/tasks/columns").param("type", "SMS").param("lang", "en").session(session))
            .andExpect(content().string(containsString("The message to send to the client")))
            .andExpect(content().string(containsString("<span class=\"column-name\">Message text</span>")))
            .andExpect(content().string(containsString("«Текст сообщения»")))
            .andExpect(content().string(not(containsString("Сообщение, которое нужно отправить клиенту"))));
        for (String type : java.util.Arrays.stream(TaskType.values()).map(Enum::name).toList()) {
            mvc.perform(get("/tasks/columns").param("type", type).param("lang", "en").session(session))
                .andExpect(content().string(not(containsString("??"))));
        }
        // in Russian the name is the file's header, said once
        mvc.perform(get("/tasks/columns").param("type", "SMS").session(session))
            .andExpect(content().string(containsString("<span class=\"column-name\">Текст сообщения</span>")))
            .andExpect(content().string(not(containsString("«Текст сообщения»"))));

        byte[] bad = TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160007001", "Привет"), List.of("123", "Привет")));
        String location = mvc.perform(multipart("/tasks").file(new MockMultipartFile("file", "bad.csv", "text/csv", bad))
                .param("name", "Акция").param("type", "SMS").param("periodFrom", "2026-01-01T09:00").param("periodTo", "2099-01-01T21:00")
                .session(session).with(csrf()))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("корректных: 1, с ошибками: 1")))
            .andExpect(content().string(containsString("Неверный номер телефона «123»")))
            .andExpect(content().string(containsString("Проверен, не создан")));

        byte[] fixed = TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160007001", "Привет"),
                List.of("79160007002", "Привет")));
        mvc.perform(multipart(location + "/file").file(new MockMultipartFile("file", "fixed.csv", "text/csv", fixed))
            .session(session).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).session(session))
            .andExpect(content().string(containsString("корректных: 2, с ошибками: 0")))
            .andExpect(content().string(not(containsString("Неверный номер телефона"))));
        mvc.perform(post(location + "/start").session(session).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).session(session)).andExpect(content().string(containsString("Сначала создайте задание")));

        mvc.perform(post(location + "/confirm").session(session).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).session(session)).andExpect(content().string(containsString("Готово к запуску")))
            .andExpect(content().string(containsString("Сообщений будет отправлено: 2")));
        mvc.perform(post(location + "/start").session(session).with(csrf())).andExpect(status().is3xxRedirection());
        String taskId = location.substring(location.lastIndexOf('/') + 1);
        new TasksApi(mvc, acme.bearer()).awaitStatus(taskId, "FINISHED");
        mvc.perform(get(location + "/progress").session(session).header("HX-Request", "true"))
            .andExpect(header().string("HX-Refresh", "true"))
            .andExpect(content().string(containsString("100%")));
        mvc.perform(get("/messages").param("taskId", taskId).session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"task-filter\"")))
            .andExpect(content().string(containsString("79160007001")))
            .andExpect(content().string(containsString("79160007002")));
    }

    @Test
    void aFormWithProblemsIsShownAgainNamingThem() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(multipart("/tasks").param("name", "").param("type", "SMS").param("periodFrom", "2026-01-02T09:00")
                .param("periodTo", "2026-01-01T09:00").session(session).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Наименование: Введите наименование задания.")))
            .andExpect(content().string(containsString("Конец периода: Конец периода должен быть позже начала.")))
            .andExpect(content().string(containsString("Файл: Загрузите файл")));
    }

    @Test
    void anotherCompanysTaskPagesAreNotFound() throws Exception {
        TestCompany acme = accounts.company();
        String taskId = new TasksApi(mvc, acme.bearer()).create("SMS", "one.csv", TaskRunIT.smsFile(1, 700));
        TestCompany beta = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, beta.username(), TestAccounts.PASSWORD);
        for (String path : List.of("", "/progress", "/report", "/results")) {
            mvc.perform(get("/tasks/" + taskId + path).session(session)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/tasks/" + taskId + "/start").session(session).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + taskId + "/delete").session(session).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aFinishedTaskKeepsRefreshingWhileItsMessagesAreInFlight() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        // sandbox numbers ending in 3 are accepted and never reported: the messages stay "Отправляется" after the run
        String taskId = tasks.create("SMS", "slow.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"),
                List.of("70000000003", "Привет"))));
        tasks.act(taskId, "start");
        tasks.awaitStatus(taskId, "FINISHED");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/tasks/{id}", taskId).session(session))
            .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
            .andExpect(content().string(containsString("running=false")));
        // polled after the run, the progress is swapped in place, not a page reload every second
        mvc.perform(get("/tasks/{id}/progress", taskId).param("running", "false").session(session).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("HX-Refresh"))
            .andExpect(content().string(containsString("Отправляется")));
    }

    @Test
    void theTaskListIsSearchedByNameAndFilteredByStatus() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String taskId = tasks.create("SMS", "a.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160000001", "Привет"))));
        String name = (String) tasks.get(taskId).get("name");
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/tasks").param("q", name.substring(name.length() - 6)).session(session))
            .andExpect(content().string(containsString(name)));
        mvc.perform(get("/tasks").param("q", "нет такого").session(session))
            .andExpect(content().string(containsString("Ничего не найдено")));
        mvc.perform(get("/tasks").param("status", "FINISHED").session(session))
            .andExpect(content().string(not(containsString(name))));
    }

    /** OWASP's CSV injection rule in the task's report and results: a cell that would start a formula starts with an apostrophe. */
    @Test
    void theReportAndTheResultsNeverHandASpreadsheetAFormula() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String formula = "=HYPERLINK(\"http://x.example\",\"y\")";
        String draft = tasks.create("SMS", "bad.csv", TaskFilesForTests.csv(';', List.of(List.of("phone", "text"),
                List.of(formula, "Привет"), List.of("79160007011", "Привет"))));

        String report = mvc.perform(get("/tasks/{id}/report", draft).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(report).contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\"");
        assertThat(cells(report)).noneMatch(TasksPortalIT::startsAFormula);

        String chatId = new ChatsApi(mvc, acme.bearer()).chatWithScenario(new ChatsApi(mvc, acme.bearer()).npsScenario());
        String start = tasks.create("CHAT_SESSION_START", "start.csv", TaskFilesForTests.csv(';', List.of(
                List.of("Идентификатор чата", "Идентификатор клиента"), List.of(chatId, "@SUM(1+1)"), List.of(chatId, "+7-2"))));
        tasks.act(start, "start").andExpect(status().isOk());
        tasks.awaitStatus(start, "FINISHED");

        String results = mvc.perform(get("/tasks/{id}/results", start).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(results).contains(";'@SUM(1+1);", ";'+7-2;");
        assertThat(cells(results)).noneMatch(TasksPortalIT::startsAFormula);
    }

    private static List<String> cells(String csv) {
        return csv.lines().skip(1).flatMap(line -> List.of(line.split(";")).stream()).map(cell -> cell.startsWith("\"") ? cell.substring(1) : cell)
            .toList();
    }

    private static boolean startsAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }
}
