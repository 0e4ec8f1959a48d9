package io.kaskad.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.KaskadApplication;
import io.kaskad.account.CompanyService;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TasksApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestDatabaseProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A task whose node goes away mid-run: another node (this test's own, its scheduler held until then)
 * goes on from the checkpoint, and every row becomes exactly one message.
 */
@IntegrationTest
class TaskRestartIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    private ConfigurableApplicationContext otherNode;

    @AfterEach
    void restore() throws Exception {
        if (otherNode != null) {
            otherNode.close();
        }
        scheduler.start();
    }

    @Test
    void aTaskResumesOnAnotherNodeAfterItsNodeStopsAndNoRowIsSentTwice() throws Exception {
        TestCompany acme = accounts.company();
        companies.updateSettings(acme.id(), "Europe/Moscow", 10);
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String taskId = tasks.create("SMS", "sixty.csv", TaskRunIT.smsFile(60, 500));

        // this node stops running jobs; the other node alone runs the task until it is shut down
        scheduler.standby();
        otherNode = new SpringApplicationBuilder(KaskadApplication.class)
            .profiles(new TestDatabaseProfiles().resolve(TaskRestartIT.class))
            .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.quartz.scheduler-name=kaskad-task-node");
        tasks.act(taskId, "start").andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> TasksApi.sent(tasks.get(taskId)) >= 10);
        otherNode.close();
        otherNode = null;
        int sentBeforeRestart = TasksApi.sent(tasks.get(taskId));
        assertThat(sentBeforeRestart).isLessThan(60);
        assertThat(messageCount(taskId)).isEqualTo(sentBeforeRestart);

        scheduler.start();
        Map<String, Object> finished = tasks.awaitStatus(taskId, "FINISHED");
        assertThat(TasksApi.sent(finished)).isEqualTo(60);
        assertThat(messageCount(taskId)).isEqualTo(60);
        List<Integer> messagesPerPhone = jdbc.sql("SELECT COUNT(*) FROM message WHERE task_id = ? GROUP BY phone").param(taskId)
            .query(Integer.class).list();
        assertThat(messagesPerPhone).hasSize(60).containsOnly(1);
        List<Integer> rowsWithoutMessage = jdbc.sql("SELECT row_no FROM send_task_row r JOIN send_task t ON t.id = r.task_id"
                + " WHERE t.public_id = ? AND r.message_id IS NULL").param(taskId).query(Integer.class).list();
        assertThat(rowsWithoutMessage).isEmpty();
    }

    private int messageCount(String taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE task_id = ?").param(taskId).query(Integer.class).single();
    }
}
