package io.kaskad.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaskad.chat.ScenarioDefinition.Action;
import io.kaskad.chat.ScenarioDefinition.Button;
import io.kaskad.chat.ScenarioDefinition.KeywordRule;
import io.kaskad.chat.ScenarioDefinition.Step;
import io.kaskad.chat.ScenarioEngine.Turn;
import io.kaskad.common.InvalidRequestException.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioEngineTests {

    /** Seed 004's kind of dialog: confirm a visit, rate it; results nps and confirmation. */
    static final ScenarioDefinition VISIT = new ScenarioDefinition("hello", List.of(
            new Step("hello", List.of("Здравствуйте, {name}! Подтвердите визит завтра."),
                    List.of(new Button("Подтверждаю", "rate", Map.of("confirmation", "Подтверждение")),
                            new Button("Отказываюсь", "bye", Map.of("confirmation", "Отказ"))),
                    List.of(new KeywordRule(List.of("оператор", "человек"), "operator", null)), null, null, null),
            new Step("rate", List.of("Спасибо! Оцените нас от 1 до 5."), null,
                    List.of(new KeywordRule(List.of("5", "отлично"), "thanks", Map.of("nps", "5")),
                            new KeywordRule(List.of("1", "2", "3", "4"), "thanks", Map.of("nps", "плохо"))), null, null, null),
            new Step("thanks", List.of("Ваша оценка: {nps}."), null, null, "bye", null, null),
            new Step("bye", List.of("До свидания!"), null, null, null, null, Action.END),
            new Step("operator", List.of("Соединяю с оператором."), null, null, null, null, Action.OPERATOR)),
            "Не понял вас. Выберите вариант.");

    @Test
    void theBotGreetsWithVariablesAndOffersButtons() {
        Turn turn = ScenarioEngine.start(VISIT, Map.of("name", "Иван"));
        assertThat(turn.messages()).containsExactly("Здравствуйте, Иван! Подтвердите визит завтра.");
        assertThat(turn.answers()).containsExactly("Подтверждаю", "Отказываюсь");
        assertThat(turn.state().step()).isEqualTo("hello");
    }

    @Test
    void aVariableTheSessionLacksIsNeverShownRaw() {
        assertThat(ScenarioEngine.fill("Здравствуйте, {name}!", Map.of(), Map.of())).isEqualTo("Здравствуйте, !");
        assertThat(ScenarioEngine.fill("Здравствуйте, {name|гость}!", Map.of(), Map.of())).isEqualTo("Здравствуйте, гость!");
        assertThat(ScenarioEngine.fill("Здравствуйте, {name|гость}!", Map.of("name", "Иван"), Map.of())).isEqualTo("Здравствуйте, Иван!");
        assertThat(ScenarioEngine.fill("Оценка {nps|нет}", Map.of(), Map.of("nps", "5"))).isEqualTo("Оценка 5");
    }

    @Test
    void buttonsAndKeywordsMoveTheDialogAndSetItsResult() {
        Turn greeted = ScenarioEngine.start(VISIT, Map.of());
        Turn confirmed = ScenarioEngine.reply(VISIT, greeted.state(), "подтверждаю", Map.of());
        Turn rated = ScenarioEngine.reply(VISIT, confirmed.state(), "Всё отлично, спасибо", Map.of());
        assertThat(rated.messages()).containsExactly("Ваша оценка: 5.", "До свидания!");
        assertThat(rated.state().ended()).isTrue();
        assertThat(rated.state().results()).containsExactly(Map.entry("confirmation", "Подтверждение"), Map.entry("nps", "5"));
    }

    @Test
    void unrecognisedTextGetsTheFallbackAndTheDialogStays() {
        Turn greeted = ScenarioEngine.start(VISIT, Map.of());
        Turn confused = ScenarioEngine.reply(VISIT, greeted.state(), "что?", Map.of());
        assertThat(confused.messages()).containsExactly("Не понял вас. Выберите вариант.");
        assertThat(confused.answers()).containsExactly("Подтверждаю", "Отказываюсь");
        assertThat(confused.state().step()).isEqualTo("hello");
    }

    @Test
    void aKeywordCanHandTheDialogToAnOperator() {
        Turn turn = ScenarioEngine.reply(VISIT, ScenarioEngine.start(VISIT, Map.of()).state(), "Позовите оператора", Map.of());
        assertThat(turn.messages()).containsExactly("Соединяю с оператором.");
        assertThat(turn.state().withOperator()).isTrue();
        assertThat(ScenarioEngine.reply(VISIT, turn.state(), "алло", Map.of()).messages()).isEmpty();
    }

    @Test
    void invalidScenariosAreRefusedWithTheReason() {
        List<Problem> problems = new ArrayList<>();
        ScenarioRules.check(new ScenarioDefinition("nowhere", List.of(
                new Step("a", List.of("x"), List.of(new Button("Да", "missing", null)), null, null, null, null),
                new Step("a", List.of(), null, null, null, null, null),
                new Step("b", List.of("x"), null, null, "c", null, null),
                new Step("c", List.of("y"), null, null, "b", null, null)), null), problems);
        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("steps[1].id", "start",
                "steps[0].buttons[0].next", "steps[1]", "steps");
        List<Problem> none = new ArrayList<>();
        ScenarioRules.check(VISIT, none);
        assertThat(none).isEmpty();
    }
}
