package io.kaskad.template;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TemplatesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What an admin meets: the dashboard says how many templates wait, the queue names each template's kind, not a menu entry. */
@IntegrationTest
class ModerationPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TemplateService templates;

    @Test
    void theDashboardCountsWaitingTemplatesAndTheQueueNamesTheirKind() throws Exception {
        TestCompany acme = accounts.company();
        String id = new TemplatesApi(mvc, templates).draft(acme, TemplateApiIT.WHATSAPP);
        mvc.perform(post("/api/v1/templates/{id}/submit", id).header("Authorization", acme.bearer())).andExpect(status().isOk());
        int waiting = templates.awaitingModerationCount();
        assertThat(waiting).isPositive();

        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/").session(admin))
            .andExpect(content().string(containsString("id=\"awaiting-moderation\"")))
            .andExpect(content().string(containsString(">" + waiting + "</a>")));
        mvc.perform(get("/admin/moderation").session(admin))
            .andExpect(content().string(containsString("<td>WhatsApp</td>")))
            .andExpect(content().string(not(containsString("<td>Шаблоны WhatsApp</td>"))));
    }
}
