package io.kaskad.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.KaskadApplication;
import io.kaskad.channel.sandbox.SandboxSendLog;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestDatabaseProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database (H2 in this JVM, or the MySQL/MariaDB server with -Pmysql),
 * both running the dispatch jobs: every attempt reaches a provider exactly once.
 */
@IntegrationTest
class ClusterDispatchIT {

    private static ConfigurableApplicationContext secondNode;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SandboxSendLog firstNodeLog;

    @Autowired
    JdbcClient jdbc;

    /**
     * The second node's Quartz scheduler has its own name: Quartz registers each scheduler's connection
     * provider in a JVM-wide map by scheduler name, so two same-named schedulers in one JVM would share
     * one pool, and closing this node would break the other. The guarantee under test comes from claiming
     * rows with SKIP LOCKED, not from Quartz sharing triggers; two schedulers firing independently make
     * the test harder, not easier.
     */
    @BeforeAll
    static void startSecondNode() {
        secondNode = new SpringApplicationBuilder(KaskadApplication.class)
            .profiles(new TestDatabaseProfiles().resolve(ClusterDispatchIT.class))
            // arguments, not builder properties: those are defaults that application.properties would override
            .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.quartz.scheduler-name=kaskad-second-node");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twoNodesShareTheWorkAndNoAttemptIsSentTwice() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        StringBuilder destinations = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            // every third destination fails on SMS first, so the cascade takes a second step
            String phone = i % 3 == 0 ? "7000000000" + 1 : "7916" + String.format("%07d", i);
            destinations.append(i == 0 ? "" : ",").append("{\"phone\":\"").append(phone).append("\"}");
        }
        List<Map<String, Object>> results = api.send(MessagesApi.message(
                "{\"sms\":{\"text\":\"x\"},\"viber\":{\"text\":\"x\"}}", destinations.toString()));
        assertThat(results).hasSize(300).allSatisfy(result -> assertThat(result.get("status")).isEqualTo("CREATED"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM message WHERE company_id = ? AND status = 'DELIVERED'").param(acme.id()).query(Long.class).single(),
                delivered -> delivered == 300);

        List<String> handed = jdbc.sql("""
                SELECT m.public_id, a.step FROM message_attempt a JOIN message m ON m.id = a.message_id
                WHERE m.company_id = ? AND a.status IN ('DELIVERED', 'FAILED')""")
            .param(acme.id())
            .query((rs, row) -> rs.getString(1) + "/" + rs.getInt(2))
            .list();
        assertThat(handed).hasSize(400);
        Map<String, Integer> sends = new HashMap<>();
        firstNodeLog.counts().forEach((reference, count) -> sends.merge(reference, count, Integer::sum));
        secondNode.getBean(SandboxSendLog.class).counts().forEach((reference, count) -> sends.merge(reference, count, Integer::sum));
        for (String reference : handed) {
            assertThat(sends.get(reference)).as("sends of attempt " + reference).isEqualTo(1);
        }
    }
}
