package io.kaskad.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sets up a company's scenarios and chats over the API, for tests about what happens in them. */
public final class ChatsApi {

    /** Asks for a rating; "Хорошо"/"Плохо" set {@code nps}; "Оператор" hands over; keyword "отказ" sets the confirmation. */
    public static final String NPS_SCENARIO = """
            {"name":"%s","start":"ask","fallbackMessage":"Выберите вариант",
             "steps":[
               {"id":"ask","messages":["{name|Гость}, оцените нас"],
                "buttons":[{"text":"Хорошо","next":"bye","set":{"nps":"5"}},{"text":"Плохо","next":"bye","set":{"nps":"1"}},
                           {"text":"Оператор","next":"operator"}],
                "keywords":[{"words":["отказ"],"next":"bye","set":{"confirmation":"Отказ"}}]},
               {"id":"operator","messages":["Соединяю с оператором"],"action":"OPERATOR"},
               {"id":"bye","messages":["Спасибо, ваша оценка {nps}"],"action":"END"}]}""";

    private final MockMvc mvc;
    private final String bearer;

    public ChatsApi(MockMvc mvc, String bearer) {
        this.mvc = mvc;
        this.bearer = bearer;
    }

    public String scenario(String json) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/scenarios").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(json))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    public String npsScenario() throws Exception {
        return scenario(NPS_SCENARIO.formatted("NPS " + System.nanoTime()));
    }

    public String chat(String json) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/chats").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(json))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    public String chatWithScenario(String scenarioId) throws Exception {
        return chat("{\"name\":\"Чат " + System.nanoTime() + "\",\"scenarioId\":\"" + scenarioId + "\"}");
    }
}
