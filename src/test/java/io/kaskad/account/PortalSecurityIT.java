package io.kaskad.account;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PortalSecurityIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Autowired
    UserService users;

    @Test
    void theLoginPageIsRussianByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Вход в личный кабинет")))
            .andExpect(content().string(containsString("Войти")));
        mvc.perform(get("/login").param("lang", "en"))
            .andExpect(content().string(containsString("Sign in to your account")));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/settings/api-keys")).andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aWrongPasswordShowsTheLoginPageWithAMessage() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(formLogin("/login").user(acme.username()).password("wrong-password"))
            .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
            .andExpect(content().string(containsString("Неверный логин или пароль")));
    }

    @Test
    void aClientCannotOpenAdminPagesOrActuator() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/admin/companies").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/companies/{id}/blocked", acme.id()).param("blocked", "true").session(session).with(csrf()))
            .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").session(session)).andExpect(status().isForbidden());
        assertThat(companies.get(acme.id()).blocked()).isFalse();
    }

    @Test
    void anAdminOpensAdminPagesAndActuatorButNotClientPages() throws Exception {
        MockHttpSession session = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/admin/companies").session(session)).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").session(session)).andExpect(status().isOk());
        mvc.perform(get("/actuator/health").session(session))
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/settings").session(session)).andExpect(status().isForbidden());
    }

    /** Not even an admin reads a property value: env would show the secrets key and the database password. */
    @Test
    void noActuatorEndpointButHealthAndPrometheusExistEvenForAnAdmin() throws Exception {
        MockHttpSession session = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        for (String endpoint : List.of("/actuator/env", "/actuator/env/kaskad.secrets.key", "/actuator/configprops", "/actuator/metrics",
                "/actuator/loggers", "/actuator/quartz", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump", "/actuator/info")) {
            mvc.perform(get(endpoint).session(session)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/actuator").session(session))
            .andExpect(jsonPath("$._links.env").doesNotExist())
            .andExpect(jsonPath("$._links.prometheus").exists());
    }

    @Test
    void healthIsPublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void unknownPagesAre404() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/no-such-page").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void anHtmxRequestWithoutASessionReloadsThePageInsteadOfSwappingTheLoginForm() throws Exception {
        mvc.perform(get("/settings/users").header("HX-Request", "true"))
            .andExpect(header().string("HX-Refresh", "true"))
            .andExpect(content().string(""));
        mvc.perform(post("/settings/api-keys").header("HX-Request", "true").param("name", "x"))
            .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void aFormPostedAfterTheSessionExpiredLeadsToTheLoginPage() throws Exception {
        mvc.perform(post("/settings/api-keys").param("name", "x"))
            .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(post("/settings").param("timezone", "Asia/Omsk").param("sendRateLimit", "7").session(session))
            .andExpect(status().isForbidden());
        assertThat(companies.get(acme.id()).timezone()).isEqualTo("Europe/Moscow");
    }

    @Test
    void blockingACompanyEndsItsUsersSessionsAndLogins() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        companies.setBlocked(acme.id(), true);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?blocked"));
        // a login attempt learns nothing: the same answer as a wrong password
        mvc.perform(formLogin("/login").user(acme.username()).password(TestAccounts.PASSWORD))
            .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("blocked", ""))
            .andExpect(content().string(containsString("Компания заблокирована")));
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        TestCompany acme = accounts.company();
        String colleague = accounts.userOf(acme);
        long colleagueId = users.list(acme.id()).stream().filter(u -> u.username().equals(colleague)).findFirst().orElseThrow().id();
        users.setEnabled(acme.id(), colleagueId, false, -1);

        mvc.perform(formLogin("/login").user(colleague).password(TestAccounts.PASSWORD))
            .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void rememberMeKeepsTheUserSignedInWithoutASession() throws Exception {
        TestCompany acme = accounts.company();
        MvcResult login = mvc.perform(post("/login").param("username", acme.username())
                .param("password", TestAccounts.PASSWORD).param("remember-me", "on").with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn();
        Cookie rememberMe = login.getResponse().getCookie("remember-me");
        assertThat(rememberMe).isNotNull();

        mvc.perform(get("/settings").cookie(rememberMe))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(acme.company().name())));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/settings").session(session)).andExpect(redirectedUrl("/login"));
    }
}
