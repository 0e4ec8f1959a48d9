package io.kaskad.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a scenario: pure, so the chat sessions, the portal's test console and the tests all use the
 * same behaviour. The state a session keeps is {@link State}: where the dialog stands and the results.
 */
public final class ScenarioEngine {

    /** {@code {name}}, or {@code {name|default}} with what to say when the session has no such variable. */
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)(?:\\|([^{}]*))?}");
    private static final int MAX_AUTO_STEPS = ScenarioRules.MAX_AUTO_STEPS;

    private ScenarioEngine() {
    }

    /** Where a dialog stands: the current step (null once ended) and the dialog results so far. */
    public record State(String step, Map<String, String> results, boolean ended, boolean withOperator) {
    }

    /** What the bot says after a turn: its messages, the buttons it offers now, and the new state. */
    public record Turn(List<String> messages, List<String> answers, State state) {
    }

    public static Turn start(ScenarioDefinition scenario, Map<String, ?> variables) {
        return enter(scenario, scenario.start(), new LinkedHashMap<>(), variables, new ArrayList<>());
    }

    /** The user's text (or the text of a pressed button) in state {@code state}. */
    public static Turn reply(ScenarioDefinition scenario, State state, String text, Map<String, ?> variables) {
        if (state.ended() || state.withOperator() || state.step() == null) {
            return new Turn(List.of(), List.of(), state);
        }
        ScenarioDefinition.Step step = find(scenario, state.step());
        Map<String, String> results = new LinkedHashMap<>(state.results());
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ScenarioDefinition.Button button : step.buttonList()) {
            if (button.text().strip().toLowerCase(Locale.ROOT).equals(input)) {
                return moveOn(scenario, step, button.next(), button.set(), results, variables);
            }
        }
        for (ScenarioDefinition.KeywordRule rule : step.keywordList()) {
            for (String word : rule.words()) {
                if (word != null && !word.isBlank() && input.contains(word.strip().toLowerCase(Locale.ROOT))) {
                    return moveOn(scenario, step, rule.next(), rule.set(), results, variables);
                }
            }
        }
        List<String> messages = new ArrayList<>();
        if (scenario.fallbackMessage() != null && !scenario.fallbackMessage().isBlank()) {
            messages.add(fill(scenario.fallbackMessage(), variables, results));
        }
        return new Turn(messages, answers(step), new State(step.id(), results, false, false));
    }

    private static Turn moveOn(ScenarioDefinition scenario, ScenarioDefinition.Step from, String next, Map<String, String> set,
            Map<String, String> results, Map<String, ?> variables) {
        if (set != null) {
            results.putAll(set);
        }
        String target = next == null ? from.id() : next;
        return enter(scenario, target, results, variables, new ArrayList<>());
    }

    /** Enters a step, saying its messages, and follows {@code next} links until the bot waits or the dialog ends. */
    private static Turn enter(ScenarioDefinition scenario, String stepId, Map<String, String> results, Map<String, ?> variables,
            List<String> said) {
        ScenarioDefinition.Step step = find(scenario, stepId);
        for (int hops = 0; hops < MAX_AUTO_STEPS; hops++) {
            if (step.set() != null) {
                results.putAll(step.set());
            }
            for (String message : step.messageList()) {
                said.add(fill(message, variables, results));
            }
            if (step.action() == ScenarioDefinition.Action.END) {
                return new Turn(said, List.of(), new State(null, results, true, false));
            }
            if (step.action() == ScenarioDefinition.Action.OPERATOR) {
                return new Turn(said, List.of(), new State(step.id(), results, false, true));
            }
            if (step.next() == null || !step.buttonList().isEmpty() || !step.keywordList().isEmpty()) {
                return new Turn(said, answers(step), new State(step.id(), results, false, false));
            }
            step = find(scenario, step.next());
        }
        throw new IllegalStateException("scenario loops without waiting for the user");
    }

    private static List<String> answers(ScenarioDefinition.Step step) {
        return step.buttonList().stream().map(ScenarioDefinition.Button::text).toList();
    }

    private static ScenarioDefinition.Step find(ScenarioDefinition scenario, String id) {
        return scenario.stepList().stream().filter(step -> id.equals(step.id())).findFirst()
            .orElseThrow(() -> new IllegalStateException("no step " + id));
    }

    /**
     * {@code {name}} from the results first, then the session's variables. A variable the session does
     * not have is never shown raw to a visitor: its default ({@code {name|гость}}) or nothing.
     */
    static String fill(String text, Map<String, ?> variables, Map<String, String> results) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = results.containsKey(name) ? results.get(name) : variables == null ? null : variables.get(name);
            String missing = matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? missing : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
