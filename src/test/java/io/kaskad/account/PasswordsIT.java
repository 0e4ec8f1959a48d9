package io.kaskad.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user changes their own password; a platform admin gives a user a temporary one, which the user must replace first. */
@IntegrationTest
class PasswordsIT {

    private static final String NEW_PASSWORD = "Fresh-Harbour-Lantern-8";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndThePolicyApplies() throws Exception {
        TestCompany acme = accounts.company();
        MockHttpSession session = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"password-change\"")));

        change(session, "not-my-password", NEW_PASSWORD, NEW_PASSWORD).andExpect(content().string(containsString("Текущий пароль введён неверно")));
        change(session, TestAccounts.PASSWORD, "short", "short").andExpect(content().string(containsString("от 10 до 72 символов")));
        change(session, TestAccounts.PASSWORD, "Q1W2E3R4T5", "Q1W2E3R4T5").andExpect(content().string(containsString("самых распространённых")));
        change(session, TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x").andExpect(content().string(containsString("Пароли не совпадают")));
        change(session, TestAccounts.PASSWORD, TestAccounts.PASSWORD, TestAccounts.PASSWORD)
            .andExpect(content().string(containsString("совпадает с текущим")));
        assertThat(signIn(acme.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");

        change(session, TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/"));

        assertThat(signIn(acme.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(signIn(acme.username(), NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aTemporaryPasswordFromAnAdminOpensOnlyThePasswordPageUntilTheUserChoosesTheirOwn() throws Exception {
        TestCompany acme = accounts.company();
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(acme.username()).query(Long.class).single();
        MockHttpSession admin = PortalLogin.as(mvc, TestAdmins.USERNAME, TestAdmins.PASSWORD);
        mvc.perform(get("/admin/users").param("q", acme.username()).session(admin))
            .andExpect(content().string(containsString("admin-user-" + userId)))
            .andExpect(content().string(containsString(acme.company().name())));

        // the policy applies to a temporary password too
        mvc.perform(post("/admin/users/{id}/password", userId).param("password", "short").session(admin).with(csrf()))
            .andExpect(status().is3xxRedirection());
        assertThat(signIn(acme.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(post("/admin/users/{id}/password", userId).param("password", "Temporary-Pass-2026").session(admin).with(csrf()))
            .andExpect(redirectedUrl("/admin/users?q=" + acme.username()));
        mvc.perform(get("/admin/users").param("q", acme.username()).session(admin))
            .andExpect(content().string(containsString("сменит пароль при входе")));

        MockHttpSession user = PortalLogin.as(mvc, acme.username(), "Temporary-Pass-2026");
        mvc.perform(get("/messages").session(user)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/settings/users").session(user).header("HX-Request", "true")).andExpect(header().string("HX-Redirect", "/account/password"));
        mvc.perform(get("/account/password").session(user)).andExpect(content().string(containsString("id=\"password-change-required\"")));
        // the company's API keys are not the user's: the API goes on
        mvc.perform(get("/api/v1/company").header("Authorization", acme.bearer())).andExpect(status().isOk());

        change(user, "Temporary-Pass-2026", NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/"));
        mvc.perform(get("/messages").session(user)).andExpect(status().isOk());
        assertThat(signIn(acme.username(), NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void onlyAPlatformAdminResetsPasswords() throws Exception {
        TestCompany acme = accounts.company();
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(acme.username()).query(Long.class).single();
        MockHttpSession client = PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/admin/users").session(client)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/{id}/password", userId).param("password", "Temporary-Pass-2026").session(client).with(csrf()))
            .andExpect(status().isForbidden());
        assertThat(signIn(acme.username(), TestAccounts.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    private org.springframework.test.web.servlet.ResultActions change(MockHttpSession session, String current, String next, String repeated)
            throws Exception {
        return mvc.perform(post("/account/password").param("currentPassword", current).param("newPassword", next)
            .param("repeatedPassword", repeated).session(session).with(csrf()));
    }

    private MvcResult signIn(String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
    }
}
