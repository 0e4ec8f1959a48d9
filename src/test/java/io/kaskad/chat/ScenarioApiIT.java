package io.kaskad.chat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scenarios over the API: stored only when they can run, tried out turn by turn, private to their company. */
@IntegrationTest
class ScenarioApiIT {

    static final String NPS = """
            {"name":"NPS","start":"ask","fallbackMessage":"Выберите вариант",
             "steps":[
               {"id":"ask","messages":["{name}, оцените нас"],"buttons":[{"text":"Хорошо","next":"bye","set":{"nps":"5"}},
                                                                          {"text":"Плохо","next":"bye","set":{"nps":"1"}}]},
               {"id":"bye","messages":["Спасибо, ваша оценка {nps}"],"action":"END"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aScenarioIsStoredAndTriedOutTurnByTurn() throws Exception {
        TestCompany acme = accounts.company();
        String id = JsonPath.read(create(acme, NPS).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(post("/api/v1/scenarios/{id}/test", id).header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"state\":null,\"variables\":{\"name\":\"Иван\"}}"))
            .andExpect(jsonPath("$.messages", contains("Иван, оцените нас")))
            .andExpect(jsonPath("$.answers", contains("Хорошо", "Плохо")))
            .andExpect(jsonPath("$.state.step").value("ask"));
        mvc.perform(post("/api/v1/scenarios/{id}/test", id).header("Authorization", acme.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":{\"step\":\"ask\",\"results\":{},\"ended\":false,\"withOperator\":false},\"text\":\"хорошо\"}"))
            .andExpect(jsonPath("$.messages", contains("Спасибо, ваша оценка 5")))
            .andExpect(jsonPath("$.state.ended").value(true))
            .andExpect(jsonPath("$.state.results.nps").value("5"));
        mvc.perform(get("/api/v1/scenarios").header("Authorization", acme.bearer())).andExpect(jsonPath("$[0].name").value("NPS"));
    }

    @Test
    void aScenarioThatCannotRunIsRefusedWithTheReasons() throws Exception {
        TestCompany acme = accounts.company();
        create(acme, """
                {"name":"","start":"x","steps":[{"id":"a","messages":["Привет"],"buttons":[{"text":"Да","next":"nowhere"}]}]}""")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "start", "steps[0].buttons[0].next")));
        mvc.perform(get("/api/v1/scenarios").header("Authorization", acme.bearer())).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void anotherCompanysScenarioIsNotFound() throws Exception {
        TestCompany alpha = accounts.company();
        TestCompany beta = accounts.company();
        String id = JsonPath.read(create(beta, NPS).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/v1/scenarios/{id}", id).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/scenarios/{id}", id).header("Authorization", alpha.bearer())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/scenarios/{id}", id).header("Authorization", beta.bearer())).andExpect(status().isNoContent());
        create(beta, NPS).andExpect(status().isCreated());
        create(beta, NPS).andExpect(status().isConflict());
    }

    private ResultActions create(TestCompany company, String json) throws Exception {
        return mvc.perform(post("/api/v1/scenarios").header("Authorization", company.bearer())
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
