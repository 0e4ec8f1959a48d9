package io.kaskad.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.HostileFiles;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TaskFilesForTests;
import io.kaskad.support.TasksApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Task files an attacker uploads: a zip bomb, millions of empty rows, endless CSV lines. Each is
 * refused with a 400 naming {@code file} and the limit, leaves no task, and the application goes on
 * serving (health and the next upload).
 */
@IntegrationTest
class HostileTaskFilesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskRunner runner;

    @Test
    void aZipBombAndMillionsOfEmptyRowsAreRefusedAndTheApplicationStaysHealthy() throws Exception {
        TestCompany acme = accounts.company();
        TasksApi tasks = new TasksApi(mvc, acme.bearer());

        byte[] bomb = HostileFiles.bombCell(600);
        assertThat(bomb.length).isLessThan(1_000_000);
        tasks.upload("SMS", "bomb.xlsx", bomb)
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
            .andExpect(jsonPath("$.errors[0].field").value("file"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("32")));

        byte[] empty = HostileFiles.emptyRows(2_000_000);
        assertThat(empty.length).isLessThan(5_000_000);
        long started = System.nanoTime();
        tasks.upload("SMS", "empty.xlsx", empty)
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("file"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("1")));
        // refused at the first thousand empty rows, not after reading two million
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(20);

        String longLine = "phone;" + "x".repeat(70_000);
        tasks.upload("SMS", "long-header.csv", longLine.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("file"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("32")));
        String manyColumns = "phone,text" + ",x".repeat(500) + "\n79160000001,a\n";
        tasks.upload("SMS", "wide.csv", manyColumns.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message").value(containsString("200")));

        assertThat((List<?>) JsonPath.read(mvc.perform(get("/api/v1/tasks").header("Authorization", acme.bearer()))
            .andReturn().getResponse().getContentAsString(), "$")).isEmpty();
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        tasks.create("SMS", "good.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"), List.of("79160000001", "Привет"))));
    }

    @Test
    void aTaskWhoseNodeStoppedWhileReadingEndsFailedWithTheReason() throws Exception {
        TestCompany acme = accounts.company();
        String publicId = UUID.randomUUID().toString();
        Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(7_200));
        jdbc.sql("INSERT INTO send_task (public_id, company_id, name, type, status, file_name, file_format, period_from, period_to,"
                + " total_rows, valid_rows, invalid_rows, channels, bulk_id, created_at, updated_at)"
                + " VALUES (?, ?, 'Прерванное', 'SMS', 'IMPORTING', 'big.xlsx', 'XLSX', ?, ?, 0, 0, 0, '', ?, ?, ?)")
            .params(publicId, acme.id(), longAgo, Timestamp.from(Instant.now().plusSeconds(86_400)), UUID.randomUUID().toString(), longAgo,
                    longAgo)
            .update();

        runner.runAll();

        mvc.perform(get("/api/v1/tasks/{id}", publicId).header("Authorization", acme.bearer()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("FAILED"))
            .andExpect(jsonPath("$.outcome").value("IMPORT_INTERRUPTED"));
    }
}
