package io.kaskad.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The variables a template's texts use, as its editor lists them. */
class TemplateVariablesTests {

    @Test
    void variablesAreListedInOrderOfUse() {
        assertThat(TemplateVariables.of("Здравствуйте, {name}! Код {code}", "{name}, {city}")).containsExactly("name", "code", "city");
    }
}
