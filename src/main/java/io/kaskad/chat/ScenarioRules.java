package io.kaskad.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kaskad.common.InvalidRequestException.Problem;

/** Why a scenario cannot run: no start, duplicate or blank step ids, dangling transitions, endless loops. */
final class ScenarioRules {

    static final int MAX_BUTTONS = 10;
    static final int BUTTON_TEXT_MAX = 64;
    static final int MESSAGE_MAX = 4096;
    static final int MAX_STEPS = 200;
    static final int MAX_MESSAGES_PER_STEP = 20;
    /** Steps that follow each other without waiting for the user, said in one turn; the engine stops there. */
    static final int MAX_AUTO_STEPS = 50;

    private ScenarioRules() {
    }

    static void check(ScenarioDefinition scenario, List<Problem> problems) {
        if (scenario == null || scenario.stepList().isEmpty()) {
            problems.add(new Problem("steps", "scenario.steps.required"));
            return;
        }
        if (scenario.stepList().size() > MAX_STEPS) {
            problems.add(new Problem("steps", "scenario.steps.max", MAX_STEPS));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < scenario.stepList().size(); i++) {
            ScenarioDefinition.Step step = scenario.stepList().get(i);
            if (step.id() == null || step.id().isBlank()) {
                problems.add(new Problem("steps[" + i + "].id", "scenario.step.id.required"));
            }
            else if (!ids.add(step.id())) {
                problems.add(new Problem("steps[" + i + "].id", "scenario.step.id.duplicate", step.id()));
            }
        }
        if (scenario.start() == null || !ids.contains(scenario.start())) {
            problems.add(new Problem("start", "scenario.start.unknown", String.valueOf(scenario.start())));
        }
        for (int i = 0; i < scenario.stepList().size(); i++) {
            checkStep("steps[" + i + "]", scenario.stepList().get(i), ids, problems);
        }
        checkLoops(scenario, problems);
    }

    private static void checkStep(String path, ScenarioDefinition.Step step, Set<String> ids, List<Problem> problems) {
        if (step.messageList().isEmpty() && step.action() == null && step.next() == null) {
            problems.add(new Problem(path, "scenario.step.empty"));
        }
        if (step.messageList().size() > MAX_MESSAGES_PER_STEP) {
            problems.add(new Problem(path + ".messages", "scenario.messages.max", MAX_MESSAGES_PER_STEP));
        }
        for (int m = 0; m < step.messageList().size(); m++) {
            String message = step.messageList().get(m);
            if (message == null || message.isBlank() || message.length() > MESSAGE_MAX) {
                problems.add(new Problem(path + ".messages[" + m + "]", "scenario.message.length", MESSAGE_MAX));
            }
        }
        if (step.buttonList().size() > MAX_BUTTONS) {
            problems.add(new Problem(path + ".buttons", "scenario.buttons.max", MAX_BUTTONS));
        }
        for (int b = 0; b < step.buttonList().size(); b++) {
            ScenarioDefinition.Button button = step.buttonList().get(b);
            if (button.text() == null || button.text().isBlank() || button.text().length() > BUTTON_TEXT_MAX) {
                problems.add(new Problem(path + ".buttons[" + b + "].text", "scenario.button.text", BUTTON_TEXT_MAX));
            }
            target(path + ".buttons[" + b + "].next", button.next(), ids, problems);
        }
        for (int k = 0; k < step.keywordList().size(); k++) {
            ScenarioDefinition.KeywordRule rule = step.keywordList().get(k);
            if (rule.words() == null || rule.words().stream().allMatch(w -> w == null || w.isBlank())) {
                problems.add(new Problem(path + ".keywords[" + k + "].words", "scenario.keywords.words"));
            }
            target(path + ".keywords[" + k + "].next", rule.next(), ids, problems);
        }
        if (step.next() != null) {
            target(path + ".next", step.next(), ids, problems);
        }
        if (step.action() != null && (step.next() != null || !step.buttonList().isEmpty() || !step.keywordList().isEmpty())) {
            problems.add(new Problem(path + ".action", "scenario.action.final"));
        }
    }

    /** A transition may be empty (stay) only for buttons and keywords; when given it must name a step. */
    private static void target(String path, String next, Set<String> ids, List<Problem> problems) {
        if (next != null && !ids.contains(next)) {
            problems.add(new Problem(path, "scenario.next.unknown", next));
        }
    }

    /**
     * Steps that move on by themselves ({@code next}) must not come back round without waiting for the
     * user, nor run on for more than {@link #MAX_AUTO_STEPS} steps in one turn.
     */
    private static void checkLoops(ScenarioDefinition scenario, List<Problem> problems) {
        Map<String, ScenarioDefinition.Step> byId = scenario.stepList().stream()
            .filter(step -> step.id() != null)
            .collect(Collectors.toMap(ScenarioDefinition.Step::id, Function.identity(), (a, b) -> a));
        for (ScenarioDefinition.Step step : scenario.stepList()) {
            Set<String> seen = new HashSet<>();
            ScenarioDefinition.Step current = step;
            while (current != null && current.next() != null && current.buttonList().isEmpty() && current.keywordList().isEmpty()) {
                if (!seen.add(current.id())) {
                    problems.add(new Problem("steps", "scenario.loop", step.id()));
                    return;
                }
                if (seen.size() >= MAX_AUTO_STEPS) {
                    problems.add(new Problem("steps", "scenario.chain.too-long", step.id(), MAX_AUTO_STEPS));
                    return;
                }
                current = byId.get(current.next());
            }
        }
    }
}
