package io.kaskad.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.account.CompanyService;
import io.kaskad.support.ChatsApi;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TaskFilesForTests;
import io.kaskad.support.TasksApi;
import io.kaskad.support.TemplatesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.template.TemplateService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Running send tasks: the dry run, start to finish for each type, pause/resume/cancel, the send API's taskId, tenancy. */
@IntegrationTest
class TaskRunIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TemplateService templates;

    @Test
    void theDryRunCountsMessagesChannelsAndNamesTheRowsThePeriodCannotHold() throws Exception {
        TestCompany acme = accounts.company();
        companies.updateSettings(acme.id(), "Europe/Moscow", 2);
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        Instant from = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String taskId = JsonPath.read(tasks.upload("SMS", "ten.csv", smsFile(10, 0), from.toString(), from.plusSeconds(3).toString())
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        String dryRun = tasks.text("/api/v1/tasks/{id}/dry-run", taskId);
        assertThat((Integer) JsonPath.read(dryRun, "$.messages")).isEqualTo(10);
        assertThat((List<String>) JsonPath.read(dryRun, "$.channels")).containsExactly("sms");
        assertThat((Integer) JsonPath.read(dryRun, "$.ratePerSecond")).isEqualTo(2);
        assertThat(Instant.parse(JsonPath.read(dryRun, "$.startsAt"))).isEqualTo(from);
        assertThat(Instant.parse(JsonPath.read(dryRun, "$.estimatedFinish"))).isEqualTo(from.plusSeconds(5));
        // 3 seconds at 2 a second hold 6 rows; file rows 8 to 11 (the header is row 1) do not fit
        assertThat((Integer) JsonPath.read(dryRun, "$.rowsNotFitting")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(dryRun, "$.firstRowNotFitting")).isEqualTo(8);
        assertThat((Integer) JsonPath.read(dryRun, "$.lastRowNotFitting")).isEqualTo(11);
    }

    @Test
    void anSmsTaskRunsToTheEndAndItsResultsListEveryRowWithItsMessage() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String taskId = tasks.create("SMS", "five.csv", smsFile(5, 100));
        tasks.act(taskId, "start").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RUNNING"));

        Map<String, Object> finished = tasks.awaitStatus(taskId, "FINISHED");
        assertThat((String) finished.get("outcome")).isEqualTo("ALL_SENT");
        assertThat((Integer) JsonPath.read(finished, "$.progress.percent")).isEqualTo(100);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(tasks.get(taskId)) == 5);

        String results = tasks.text("/api/v1/tasks/{id}/results", taskId);
        assertThat(results.lines().skip(1).toList()).hasSize(5).allSatisfy(line -> assertThat(line).endsWith(";DELIVERED;"));
        String firstMessage = results.lines().skip(1).findFirst().orElseThrow().split(";")[2];
        Map<String, Object> message = new MessagesApi(mvc, acme.bearer()).get(firstMessage);
        assertThat(message.get("taskId")).isEqualTo(taskId);
        String listed = mvc.perform(get("/api/v1/statistics/messaging/messages").header("Authorization", acme.bearer())
            .param("from", Instant.now().minusSeconds(600).toString()).param("to", Instant.now().plusSeconds(60).toString())
            .param("taskId", taskId)).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(listed, "$.count")).isEqualTo(5);
        tasks.act(taskId, "start").andExpect(status().isConflict());
        tasks.act(taskId, "cancel").andExpect(status().isConflict());
    }

    @Test
    void pauseStopsHandingRowsOverResumeGoesOnFromTheCheckpointAndCancelGivesUpTheRest() throws Exception {
        TestCompany acme = accounts.company();
        companies.updateSettings(acme.id(), "Europe/Moscow", 3);
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String taskId = tasks.create("SMS", "thirty.csv", smsFile(30, 200));
        tasks.act(taskId, "pause").andExpect(status().isConflict());
        tasks.act(taskId, "start").andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(20)).until(() -> TasksApi.sent(tasks.get(taskId)) >= 3);

        tasks.act(taskId, "pause").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAUSED"));
        int sentAtPause = TasksApi.sent(tasks.get(taskId));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
            .until(() -> TasksApi.sent(tasks.get(taskId)) == sentAtPause);
        assertThat(messagesOf(taskId)).hasSize(sentAtPause);

        tasks.act(taskId, "resume").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RUNNING"));
        await().atMost(Duration.ofSeconds(20)).until(() -> TasksApi.sent(tasks.get(taskId)) >= sentAtPause + 3);
        Map<String, Object> cancelled = JsonPath.read(tasks.act(taskId, "cancel").andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(), "$");
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        int sent = JsonPath.read(cancelled, "$.progress.sent");
        int notSent = JsonPath.read(cancelled, "$.progress.notSent");
        assertThat(sent + notSent).isEqualTo(30);
        assertThat(notSent).isPositive();

        List<Map<String, Object>> messages = messagesOf(taskId);
        assertThat(messages).hasSize(sent);
        assertThat(messages.stream().map(m -> m.get("phone")).distinct()).hasSize(sent);
        assertThat(tasks.text("/api/v1/tasks/{id}/results", taskId)).contains(";CANCELLED;");
        tasks.act(taskId, "resume").andExpect(status().isConflict());
    }

    @Test
    void theChatTypesStartSessionsAndWriteIntoExistingOnes() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chatWithScenario(chats.npsScenario());
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String existing = JsonPath.read(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .post("/api/chats/v1/chats/{chatId}/sessions", chatId).contentType("application/json").content("{}"))
            .andReturn().getResponse().getContentAsString(), "$.id");

        String ads = tasks.create("ADVERTISING", "ads.xlsx", TaskFilesForTests.xlsx(List.of(TaskFilesIT.ADVERTISING_HEADERS,
                List.of(existing, "Скидка 10% только сегодня", "FALSE", "FALSE", "", ""))));
        String start = tasks.create("CHAT_SESSION_START", "start.csv", TaskFilesForTests.csv(';', List.of(
                List.of("Идентификатор чата", "Идентификатор клиента", "Переменные"),
                List.of(chatId, "client-7", "{\"name\":\"Анна\"}"))));
        new TemplatesApi(mvc, templates).approved(acme, """
                {"type":"WHATSAPP","name":"order_ready","languageCode":"ru","namespace":"shop",
                 "body":"Здравствуйте, {{1}}! Заказ {{2}} готов."}""");
        String whatsApp = tasks.create("WHATSAPP_CHAT_SESSION", "wa.csv", TaskFilesForTests.csv(',', List.of(
                List.of("phone", "chatId", "templateName", "variables"),
                List.of("79160000041", chatId, "order_ready", "{\"1\":\"Анна\",\"2\":\"A-42\"}"))));
        for (String taskId : List.of(ads, start, whatsApp)) {
            tasks.act(taskId, "start").andExpect(status().isOk());
        }
        for (String taskId : List.of(ads, start, whatsApp)) {
            tasks.awaitStatus(taskId, "FINISHED");
        }

        Map<String, Object> ad = message(ads);
        Map<String, Object> adDelivered = new MessagesApi(mvc, acme.bearer()).awaitStatus((String) ad.get("id"), "DELIVERED");
        assertThat((String) JsonPath.read(adDelivered, "$.attempts[0].providerMessageId")).isEqualTo(existing);
        assertThat(mvc.perform(get("/api/v1/sessions/{id}/messages", existing)).andReturn().getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Скидка 10% только сегодня");

        Map<String, Object> started = new MessagesApi(mvc, acme.bearer()).awaitStatus((String) message(start).get("id"), "DELIVERED");
        String newSession = JsonPath.read(started, "$.attempts[0].providerMessageId");
        assertThat(mvc.perform(get("/api/v1/sessions/{id}/messages", newSession)).andReturn().getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Анна, оцените нас");

        Map<String, Object> wa = new MessagesApi(mvc, acme.bearer()).awaitStatus((String) message(whatsApp).get("id"), "DELIVERED");
        assertThat(MessagesApi.attempts(wa)).containsExactly("WHATSAPP:DELIVERED", "CHAT:DELIVERED");
        assertThat((String) JsonPath.read(wa, "$.attempts[0].text")).contains("Заказ A-42 готов");
    }

    @Test
    void theSendApiAttachesMessagesToAnExistingTaskOnly() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String taskId = tasks.create("SMS", "one.csv", smsFile(1, 300));
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String sms = "{\"sms\":{\"text\":\"Привет\"}}";

        String attached = api.sendOne(MessagesApi.message(sms, "{\"phone\":\"79160003999\"}", ",\"taskId\":\"" + taskId + "\""));
        assertThat(api.get(attached).get("taskId")).isEqualTo(taskId);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(tasks.get(taskId)) == 1);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/messages")
            .header("Authorization", acme.bearer()).contentType("application/json")
            .content(MessagesApi.message(sms, "{\"phone\":\"79160003999\"}", ",\"taskId\":\"no-such-task\"")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("messages[0].taskId"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("no-such-task")));

        TestCompany beta = accounts.company();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/messages")
            .header("Authorization", beta.bearer()).contentType("application/json")
            .content(MessagesApi.message(sms, "{\"phone\":\"79160003999\"}", ",\"taskId\":\"" + taskId + "\"")))
            .andExpect(status().isBadRequest());
    }

    @Test
    void anotherCompanysTaskIsNotFoundWhateverTheRequest() throws Exception {
        TestCompany acme = accounts.company();
        String taskId = new TasksApi(mvc, acme.bearer()).create("SMS", "one.csv", smsFile(1, 400));
        TestCompany beta = accounts.company();
        TasksApi betaTasks = new TasksApi(mvc, beta.bearer());
        mvc.perform(get("/api/v1/tasks/{id}", taskId).header("Authorization", beta.bearer())).andExpect(status().isNotFound());
        for (String path : List.of("/report", "/results", "/dry-run")) {
            mvc.perform(get("/api/v1/tasks/{id}" + path, taskId).header("Authorization", beta.bearer())).andExpect(status().isNotFound());
        }
        for (String action : List.of("start", "pause", "resume", "cancel")) {
            betaTasks.act(taskId, action).andExpect(status().isNotFound());
        }
        assertThat((String) new TasksApi(mvc, acme.bearer()).get(taskId).get("status")).isEqualTo("READY");
    }

    /** An SMS file of {@code rows} distinct phones, numbered from {@code first}. */
    static byte[] smsFile(int rows, int first) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("phone", "text"));
        for (int i = 0; i < rows; i++) {
            lines.add(List.of("7916" + String.format("%07d", first + i), "Сообщение " + i));
        }
        return TaskFilesForTests.csv(',', lines);
    }

    private List<Map<String, Object>> messagesOf(String taskId) {
        return jdbc.sql("SELECT public_id, phone FROM message WHERE task_id = ?").param(taskId)
            .query((rs, row) -> {
                Map<String, Object> message = new java.util.HashMap<>();
                message.put("id", rs.getString(1));
                message.put("phone", rs.getString(2));
                return message;
            })
            .list();
    }

    private static int delivered(Map<String, Object> task) {
        Map<String, Integer> messages = JsonPath.read(task, "$.progress.messages");
        return messages.getOrDefault("DELIVERED", 0);
    }

    private Map<String, Object> message(String taskId) {
        List<Map<String, Object>> messages = messagesOf(taskId);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
