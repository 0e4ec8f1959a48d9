package io.kaskad.chat.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaskad.chat.ScenarioDefinition;
import io.kaskad.chat.ScenarioEngine;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario a new user starts from makes sense in the widget, where a visitor comes without variables. */
class ScenarioSampleTests {

    @Test
    void theSampleGreetsAWebVisitorWithoutARawVariable() {
        ScenarioDefinition sample = JsonMapper.builder().build().readValue(ScenarioPortalController.EXAMPLE, ScenarioDefinition.class);
        assertThat(ScenarioEngine.start(sample, Map.of()).messages()).singleElement()
            .satisfies(greeting -> assertThat(greeting).startsWith("Здравствуйте, уважаемый клиент!").doesNotContain("{", "}"));
        assertThat(ScenarioEngine.start(sample, Map.of("name", "Иван")).messages()).singleElement()
            .satisfies(greeting -> assertThat(greeting).startsWith("Здравствуйте, Иван!"));
    }
}
