package io.kaskad.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.zaxxer.hikari.HikariDataSource;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readiness tells the truth about the database: it is part of the readiness group, and the database
 * check is DOWN for a database that is closed (what an OutOfMemoryError did to the embedded H2).
 */
@IntegrationTest
class ReadinessIT {

    @Autowired
    MockMvc mvc;

    @Test
    void readinessIncludesTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/actuator/health/readiness").session(admin))
            .andExpect(jsonPath("$.components.db.status").value("UP"))
            .andExpect(jsonPath("$.components.readinessState.status").value("UP"));
    }

    @Test
    void theDatabaseCheckIsDownForAClosedDatabase() {
        HikariDataSource closed = new HikariDataSource();
        closed.setJdbcUrl("jdbc:h2:mem:closed-" + System.nanoTime());
        closed.close();
        assertThat(new DataSourceHealthIndicator(closed, "SELECT 1").health(true).getStatus()).isEqualTo(Status.DOWN);
    }
}
