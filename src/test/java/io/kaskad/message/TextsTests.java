package io.kaskad.message;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

    @Test
    void fillsPlaceholdersFromVariables() {
        assertThat(Texts.fill("Здравствуйте, {name}! Вам {age}.", Map.of("name", "Иван", "age", 23)))
            .isEqualTo("Здравствуйте, Иван! Вам 23.");
    }

    @Test
    void namesTheMissingVariablesAndLeavesOtherBracesAlone() {
        assertThat(Texts.missing("{name}, код {code}; JSON {\"a\":1}", Map.of("name", "Иван"))).containsExactly("code");
        assertThat(Texts.missing("Без переменных", null)).isEmpty();
        assertThat(Texts.fill("Цена {price} $", Map.of("price", "10"))).isEqualTo("Цена 10 $");
    }
}
