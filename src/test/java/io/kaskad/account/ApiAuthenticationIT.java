package io.kaskad.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApiAuthenticationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    CompanyService companies;

    @Test
    void aValidKeyReachesItsOwnCompany() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(get("/api/v1/company").header("Authorization", acme.bearer()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value(acme.id()))
            .andExpect(jsonPath("$.name").value(acme.company().name()))
            .andExpect(jsonPath("$.timezone").value("Europe/Moscow"))
            .andExpect(jsonPath("$.sendRateLimit").value(50));
    }

    @Test
    void aMissingKeyIsAProblemJson401ThatSaysWhatToSend() throws Exception {
        mvc.perform(get("/api/v1/company"))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
            .andExpect(jsonPath("$.status").value(401))
            .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
    }

    @Test
    void aWrongKeyOrSchemeIs401() throws Exception {
        for (String header : new String[] { "Bearer ksk_thisKeyDoesNotExist0000000000", "Basic ZGVtbzpkZW1v", "Bearer " }) {
            mvc.perform(get("/api/v1/company").header("Authorization", header))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("API key")));
        }
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() throws Exception {
        TestCompany acme = accounts.company();
        IssuedApiKey second = apiKeys.create(acme.id(), "to revoke");
        mvc.perform(get("/api/v1/company").header("Authorization", "Bearer " + second.secret())).andExpect(status().isOk());

        apiKeys.revoke(acme.id(), second.key().id());

        mvc.perform(get("/api/v1/company").header("Authorization", "Bearer " + second.secret()))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/company").header("Authorization", acme.bearer())).andExpect(status().isOk());
    }

    @Test
    void aBlockedCompanysKeysStopWorkingUntilUnblocked() throws Exception {
        TestCompany acme = accounts.company();
        companies.setBlocked(acme.id(), true);
        mvc.perform(get("/api/v1/company").header("Authorization", acme.bearer())).andExpect(status().isUnauthorized());

        companies.setBlocked(acme.id(), false);
        mvc.perform(get("/api/v1/company").header("Authorization", acme.bearer())).andExpect(status().isOk());
    }

    @Test
    void thePortalSessionDoesNotOpenTheApi() throws Exception {
        TestCompany acme = accounts.company();
        var session = io.kaskad.support.PortalLogin.as(mvc, acme.username(), TestAccounts.PASSWORD);
        mvc.perform(get("/api/v1/company").session(session)).andExpect(status().isUnauthorized());
    }
}
