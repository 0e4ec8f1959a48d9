package io.kaskad.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.PortalLogin;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No company reaches another company's data, whatever id it guesses: 404, so ids do not leak. */
@IntegrationTest
class TenancyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    UserService users;

    @Test
    void anApiKeyListsAndReadsOnlyItsOwnCompanysKeys() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        long betaKeyId = apiKeys.list(beta.id()).get(0).id();

        mvc.perform(get("/api/v1/api-keys").header("Authorization", alpha.bearer()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(1)))
            .andExpect(jsonPath("$[0].id").value(apiKeys.list(alpha.id()).get(0).id()));
        mvc.perform(get("/api/v1/api-keys/{id}", betaKeyId).header("Authorization", alpha.bearer()))
            .andExpect(status().isNotFound());
    }

    @Test
    void anApiKeyCannotRevokeAnotherCompanysKey() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        long betaKeyId = apiKeys.list(beta.id()).get(0).id();

        mvc.perform(delete("/api/v1/api-keys/{id}", betaKeyId).header("Authorization", alpha.bearer()))
            .andExpect(status().isNotFound());

        assertThat(apiKeys.get(beta.id(), betaKeyId).active()).isTrue();
        mvc.perform(get("/api/v1/company").header("Authorization", beta.bearer()))
            .andExpect(jsonPath("$.id").value(beta.id()));
    }

    @Test
    void aPortalUserCannotRevokeAnotherCompanysKey() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        long betaKeyId = apiKeys.list(beta.id()).get(0).id();
        MockHttpSession alphaSession = PortalLogin.as(mvc, alpha.username(), TestAccounts.PASSWORD);

        mvc.perform(post("/settings/api-keys/{id}/revoke", betaKeyId).session(alphaSession).with(csrf()))
            .andExpect(status().isNotFound());

        assertThat(apiKeys.get(beta.id(), betaKeyId).active()).isTrue();
    }

    @Test
    void aPortalUserCannotDisableAnotherCompanysUser() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        long betaUserId = users.list(beta.id()).get(0).id();
        MockHttpSession alphaSession = PortalLogin.as(mvc, alpha.username(), TestAccounts.PASSWORD);

        mvc.perform(post("/settings/users/{id}/enabled", betaUserId).param("enabled", "false")
                .session(alphaSession).with(csrf()))
            .andExpect(status().isNotFound());

        assertThat(users.list(beta.id()).get(0).enabled()).isTrue();
    }

    @Test
    void portalPagesShowOnlyTheUsersOwnCompany() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        MockHttpSession alphaSession = PortalLogin.as(mvc, alpha.username(), TestAccounts.PASSWORD);

        mvc.perform(get("/settings/users").session(alphaSession))
            .andExpect(content().string(containsString(alpha.username())))
            .andExpect(content().string(not(containsString(beta.username()))));
        mvc.perform(get("/").session(alphaSession))
            .andExpect(content().string(containsString(alpha.company().name())))
            .andExpect(content().string(not(containsString(beta.company().name()))));
    }
}
