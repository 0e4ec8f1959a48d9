package io.kaskad.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.MessagesApi;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAdmins;

import static io.kaskad.support.MessagesApi.message;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /actuator/prometheus}: delivery per channel and provider, provider latency, the backlog; for admins and for Prometheus's token. */
@IntegrationTest
class MetricsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aDeliveredSmsShowsInTheDeliveryMetricsWithItsProviderCallsLatency() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        api.awaitStatus(api.sendOne(message("{\"sms\":{\"text\":\"Код 1\"}}", "{\"phone\":\"79001230001\"}")), "DELIVERED");

        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/actuator/prometheus").session(admin))
            .andExpect(status().isOk())
            .andExpect(content().string(matchesPattern("(?s).*kaskad_attempts_sent_total\\{channel=\"SMS\",provider=\"[^\"]+\"} [1-9].*")))
            .andExpect(content().string(matchesPattern(
                    "(?s).*kaskad_attempts_finished_total\\{channel=\"SMS\",provider=\"[^\"]+\",reason=\"\",status=\"DELIVERED\"} [1-9].*")))
            .andExpect(content().string(containsString("kaskad_provider_calls_seconds_bucket{channel=\"SMS\"")))
            .andExpect(content().string(containsString("kaskad_dispatch_backlog ")))
            .andExpect(content().string(containsString("kaskad_dispatch_backlog_age_seconds ")))
            .andExpect(content().string(containsString("kaskad_callbacks_pending ")))
            .andExpect(content().string(containsString("kaskad_chat_sessions_open ")))
            .andExpect(content().string(containsString("kaskad_chat_streams ")));
    }

    @Test
    void prometheusScrapesWithItsTokenAndNobodyElseWithoutSigningIn() throws Exception {
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer test-scrape-token-0123456789"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("kaskad_dispatch_backlog ")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
        MockHttpSession client = PortalLogin.as(mvc, accounts.company().username(), TestAccounts.PASSWORD);
        mvc.perform(get("/actuator/prometheus").session(client)).andExpect(status().isForbidden());
        // the token opens the metrics only, not the rest of the actuator
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer test-scrape-token-0123456789"))
            .andExpect(status().is3xxRedirection());
    }
}
