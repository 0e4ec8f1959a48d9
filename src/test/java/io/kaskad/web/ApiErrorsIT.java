package io.kaskad.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.account.CompanyService;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a problem+json answer that names the problem, and changes nothing. */
@IntegrationTest
class ApiErrorsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Test
    void malformedJsonIs400NamingWhereItBreaks() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(put("/api/v1/company").header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"timezone\": \"Europe/Moscow\", "))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))
            .andExpect(jsonPath("$.detail").value(containsString("line 1")));
        assertUnchanged(acme);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(put("/api/v1/company").header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"timezone\":\"Asia/Omsk\",\"sendRateLimit\":\"fast\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("'sendRateLimit'")));
        assertUnchanged(acme);
    }

    @Test
    void validationErrorsListEveryFieldWithAMessage() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(put("/api/v1/company").header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"timezone\":\"Mars/Olympus\",\"sendRateLimit\":0}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("sendRateLimit"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("1")))
            .andExpect(jsonPath("$.errors[1].field").value("timezone"))
            .andExpect(jsonPath("$.errors[1].message").value(containsString("Europe/Moscow")));
        assertUnchanged(acme);
    }

    @Test
    void aValidUpdateIsSavedAndReturned() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(put("/api/v1/company").header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"timezone\":\"Asia/Novosibirsk\",\"sendRateLimit\":120}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.timezone").value("Asia/Novosibirsk"))
            .andExpect(jsonPath("$.sendRateLimit").value(120));
        assertThat(companies.get(acme.id()).sendRateLimit()).isEqualTo(120);
    }

    @Test
    void unknownIdsAndEndpointsAre404ProblemJson() throws Exception {
        TestCompany acme = accounts.company();
        mvc.perform(get("/api/v1/api-keys/987654321").header("Authorization", acme.bearer()))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(containsString("987654321")));
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", acme.bearer()))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private void assertUnchanged(TestCompany company) {
        assertThat(companies.get(company.id()).timezone()).isEqualTo("Europe/Moscow");
        assertThat(companies.get(company.id()).sendRateLimit()).isEqualTo(50);
    }
}
