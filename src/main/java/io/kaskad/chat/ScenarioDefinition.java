package io.kaskad.chat;

import java.util.List;
import java.util.Map;

/**
 * A bot scenario. {@code start} names the first step. A step sends its {@code messages} (with
 * {@code {variables}} from the session's clientMetadata, the send API's variables and the results so
 * far), offers {@code buttons}, and moves on: by a pressed button, by {@code keywords} found in the
 * user's text, or at once to {@code next}. A button or keyword rule may {@code set} result variables
 * (for example {@code nps}, {@code confirmation}): that is the dialog's result. {@code action}
 * {@code OPERATOR} hands the dialog to an operator, {@code END} ends it. {@code fallbackMessage} is
 * said when the user's text matches nothing.
 */
public record ScenarioDefinition(String start, List<Step> steps, String fallbackMessage) {

    public enum Action {
        OPERATOR, END
    }

    public record Step(String id, List<String> messages, List<Button> buttons, List<KeywordRule> keywords, String next,
            Map<String, String> set, Action action) {

        List<Button> buttonList() {
            return buttons == null ? List.of() : buttons;
        }

        List<KeywordRule> keywordList() {
            return keywords == null ? List.of() : keywords;
        }

        List<String> messageList() {
            return messages == null ? List.of() : messages;
        }
    }

    public record Button(String text, String next, Map<String, String> set) {
    }

    public record KeywordRule(List<String> words, String next, Map<String, String> set) {
    }

    List<Step> stepList() {
        return steps == null ? List.of() : steps;
    }
}
