package io.kaskad.account;

import java.net.URLDecoder;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins open companies with their first user, and block or unblock them. */
@IntegrationTest
class AdminCompaniesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Test
    void anAdminOpensACompanyWhoseUserCanLogIn() throws Exception {
        String suffix = TestAccounts.unique();
        String redirect = mvc.perform(post("/admin/companies").session(admin()).with(csrf())
                .param("name", "ООО Новая " + suffix).param("timezone", "Asia/Yekaterinburg").param("sendRateLimit", "25")
                .param("username", "owner-" + suffix).param("password", "owner-password"))
            .andReturn().getResponse().getRedirectedUrl();
        assertThat(URLDecoder.decode(redirect, UTF_8)).as("the list, filtered on the new company")
            .isEqualTo("/admin/companies?q=ООО Новая " + suffix);

        Company company = companies.findByName("ООО Новая " + suffix).orElseThrow();
        assertThat(company.timezone()).isEqualTo("Asia/Yekaterinburg");
        assertThat(company.sendRateLimit()).isEqualTo(25);
        mvc.perform(get("/").session(PortalLogin.as(mvc, "owner-" + suffix, "owner-password")))
            .andExpect(content().string(containsString("ООО Новая " + suffix)));
    }

    @Test
    void takenNamesAreRefusedAndNothingIsCreated() throws Exception {
        TestCompany existing = accounts.company();
        String suffix = TestAccounts.unique();
        mvc.perform(post("/admin/companies").session(admin()).with(csrf())
                .param("name", existing.company().name()).param("timezone", "Europe/Moscow").param("sendRateLimit", "50")
                .param("username", "owner-" + suffix).param("password", "owner-password"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Компания с таким названием уже есть")));
        mvc.perform(post("/admin/companies").session(admin()).with(csrf())
                .param("name", "ООО Другая " + suffix).param("timezone", "Europe/Moscow").param("sendRateLimit", "50")
                .param("username", existing.username()).param("password", "owner-password"))
            .andExpect(content().string(containsString("Такой логин уже занят")));

        assertThat(companies.findByName("ООО Другая " + suffix)).isEmpty();
        mvc.perform(post("/login").param("username", "owner-" + suffix).param("password", "owner-password").with(csrf()))
            .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        mvc.perform(post("/admin/companies").session(admin()).with(csrf())
                .param("name", "").param("timezone", "Nowhere/City").param("sendRateLimit", "20000")
                .param("username", "").param("password", "x"))
            .andExpect(content().string(containsString("Заполните поле")))
            .andExpect(content().string(containsString("Неизвестный часовой пояс")))
            .andExpect(content().string(containsString("Значение должно быть не больше 10000")));
    }

    @Test
    void blockingSwapsTheRowAndUnblockingRestoresAccess() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(post("/admin/companies/{id}/blocked", acme.id()).param("blocked", "true")
                .header("HX-Request", "true").session(admin()).with(csrf()))
            .andExpect(content().string(containsString("id=\"company-" + acme.id() + "\"")))
            .andExpect(content().string(containsString("Заблокирована")));
        assertThat(companies.get(acme.id()).blocked()).isTrue();

        mvc.perform(post("/admin/companies/{id}/blocked", acme.id()).param("blocked", "false").session(admin()).with(csrf()))
            .andExpect(redirectedUrl("/admin/companies"));
        PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
    }

    @Test
    void theSearchSwapsTheListWithTheMatchingCompaniesOnly() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String query = alpha.company().name().substring(alpha.company().name().length() - 8).toUpperCase();

        mvc.perform(get("/admin/companies").param("q", query).header("HX-Request", "true").session(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"companies-list\"")))
            .andExpect(content().string(not(containsString("<html"))))
            .andExpect(content().string(containsString(alpha.company().name())))
            .andExpect(content().string(not(containsString(beta.company().name()))));
        mvc.perform(get("/admin/companies").param("q", "no company is called this " + TestAccounts.unique()).session(admin()))
            .andExpect(content().string(containsString("Компаний не найдено")));
    }

    @Test
    void blockingAnUnknownCompanyIs404() throws Exception {
        mvc.perform(post("/admin/companies/{id}/blocked", 987654321L).param("blocked", "true").session(admin()).with(csrf()))
            .andExpect(status().isNotFound());
    }

    private MockHttpSession admin() throws Exception {
        return PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
    }
}
