package io.kaskad.chat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.kaskad.account.PortalUser;
import io.kaskad.chat.ScenarioEngine;
import io.kaskad.chat.ScenarioRequest;
import io.kaskad.chat.ScenarioService;
import io.kaskad.chat.ScenarioView;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bot scenarios in the portal: the scenario is written as JSON (the same document the API takes, so
 * what works in one works in the other), refused with the reasons when it cannot run, and tried out
 * in a test console that talks to the bot without storing anything.
 */
@Controller
class ScenarioPortalController {

    static final String EXAMPLE = """
            {
              "start": "hello",
              "fallbackMessage": "Выберите один из вариантов",
              "steps": [
                {"id": "hello", "messages": ["Здравствуйте, {name|уважаемый клиент}! Оцените, пожалуйста, доставку"],
                 "buttons": [{"text": "Отлично", "next": "thanks", "set": {"nps": "5"}},
                             {"text": "Плохо", "next": "sorry", "set": {"nps": "1"}},
                             {"text": "Оператор", "next": "operator"}],
                 "keywords": [{"words": ["отказ", "не нужно"], "next": "thanks", "set": {"confirmation": "Отказ"}}]},
                {"id": "sorry", "messages": ["Жаль! Передаю ваш отзыв оператору"], "action": "OPERATOR"},
                {"id": "operator", "messages": ["Соединяю с оператором"], "action": "OPERATOR"},
                {"id": "thanks", "messages": ["Спасибо за ответ!"], "action": "END"}
              ]
            }""";
    private static final TypeReference<List<Map<String, Object>>> TRANSCRIPT = new TypeReference<>() {
    };

    private final ScenarioService scenarios;
    private final JsonMapper json;
    private final JsonMapper pretty;
    private final MessageSource texts;

    ScenarioPortalController(ScenarioService scenarios, JsonMapper json, MessageSource texts) {
        this.scenarios = scenarios;
        this.json = json;
        // the editor shows the scenario as the user wrote it: no "set": null or "buttons": [] they never typed
        this.pretty = json.rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();
        this.texts = texts;
    }

    /** The definition part of a scenario: what the editor's JSON holds. */
    record Definition(String start, List<io.kaskad.chat.ScenarioDefinition.Step> steps, String fallbackMessage) {
    }

    @GetMapping("/chats/scenarios")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("scenarios", scenarios.list(user.companyId()));
        return "chats/scenarios";
    }

    @GetMapping("/chats/scenarios/new")
    String create(Model model) {
        return editor(model, null, "", EXAMPLE);
    }

    @PostMapping("/chats/scenarios")
    String save(@AuthenticationPrincipal PortalUser user, @RequestParam String name, @RequestParam String definition, Model model,
            RedirectAttributes redirect) {
        try {
            ScenarioView saved = scenarios.create(user.companyId(), request(name, definition));
            redirect.addFlashAttribute("success", "scenarios.saved");
            return "redirect:/chats/scenarios/" + saved.id();
        }
        catch (InvalidRequestException | ConflictException refused) {
            model.addAttribute("problems", problems(refused));
            return editor(model, null, name, definition);
        }
    }

    @GetMapping("/chats/scenarios/{scenarioId}")
    String edit(@AuthenticationPrincipal PortalUser user, @PathVariable String scenarioId, Model model) {
        ScenarioView scenario = scenarios.get(user.companyId(), scenarioId);
        var d = scenario.definition();
        return editor(model, scenario.id(), scenario.name(), pretty.writeValueAsString(new Definition(d.start(), d.steps(), d.fallbackMessage())));
    }

    @PostMapping("/chats/scenarios/{scenarioId}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable String scenarioId, @RequestParam String name,
            @RequestParam String definition, Model model, RedirectAttributes redirect) {
        try {
            scenarios.update(user.companyId(), scenarioId, request(name, definition));
            redirect.addFlashAttribute("success", "scenarios.saved");
            return "redirect:/chats/scenarios/" + scenarioId;
        }
        catch (InvalidRequestException | ConflictException refused) {
            model.addAttribute("problems", problems(refused));
            return editor(model, scenarioId, name, definition);
        }
    }

    @PostMapping("/chats/scenarios/{scenarioId}/delete")
    View delete(@AuthenticationPrincipal PortalUser user, @PathVariable String scenarioId, HtmxRequest htmx, RedirectAttributes redirect) {
        try {
            scenarios.delete(user.companyId(), scenarioId);
            redirect.addFlashAttribute("success", "scenarios.deleted");
        }
        catch (ConflictException inUse) {
            redirect.addFlashAttribute("error", inUse.messageCode());
        }
        return htmx.isHtmxRequest() ? new HtmxRedirectView("/chats/scenarios") : new RedirectView("/chats/scenarios");
    }

    /**
     * One turn of the test console. The dialog so far travels in the form (state and transcript as JSON),
     * so nothing is stored; an empty state starts the dialog again.
     */
    @PostMapping("/chats/scenarios/{scenarioId}/console")
    String console(@AuthenticationPrincipal PortalUser user, @PathVariable String scenarioId, @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "[]") String transcript, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "false") boolean restart,
            @RequestParam(defaultValue = "") String variables, Model model) {
        if (!answer.isBlank()) {
            text = answer; // a pressed answer button says its text
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        ScenarioEngine.State current = null;
        try {
            lines.addAll(json.readValue(transcript, TRANSCRIPT));
            current = restart || state.isBlank() ? null : json.readValue(state, ScenarioEngine.State.class);
        }
        catch (JacksonException unreadable) {
            // the dialog travels in the form: a tampered or broken one starts again, and says so
            model.addAttribute("consoleRestarted", true);
            text = "";
        }
        if (current != null && !text.isBlank()) {
            lines.add(Map.of("author", "CLIENT", "body", text.strip()));
        }
        if (current == null) {
            lines.clear();
        }
        ScenarioEngine.Turn turn = scenarios.test(user.companyId(), scenarioId, current, text, parse(variables));
        turn.messages().forEach(message -> lines.add(Map.of("author", "BOT", "body", message)));
        model.addAttribute("scenarioId", scenarioId);
        model.addAttribute("lines", lines);
        model.addAttribute("answers", turn.answers());
        model.addAttribute("turnState", turn.state());
        model.addAttribute("stateJson", json.writeValueAsString(turn.state()));
        model.addAttribute("transcriptJson", json.writeValueAsString(lines));
        model.addAttribute("variables", variables);
        return "chats/scenario-edit :: console";
    }

    private String editor(Model model, String scenarioId, String name, String definition) {
        model.addAttribute("scenarioId", scenarioId);
        model.addAttribute("name", name);
        model.addAttribute("definition", definition);
        return "chats/scenario-edit";
    }

    private ScenarioRequest request(String name, String definition) {
        try {
            Definition parsed = json.readValue(definition, Definition.class);
            return new ScenarioRequest(name, parsed.start(), parsed.steps(), parsed.fallbackMessage());
        }
        catch (JacksonException notJson) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem("definition", "scenarios.json.invalid",
                    notJson.getOriginalMessage())));
        }
    }

    /** {@code name=Иван} lines: the variables the console's bot gets, as a session's clientMetadata. */
    private static Map<String, Object> parse(String variables) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String line : variables.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                parsed.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return parsed;
    }

    private List<String> problems(RuntimeException refused) {
        if (refused instanceof InvalidRequestException invalid) {
            return invalid.problems().stream()
                .map(p -> p.field() + ": " + texts.getMessage(p.messageCode(), p.args(), p.messageCode(), LocaleContextHolder.getLocale()))
                .toList();
        }
        return List.of(texts.getMessage(((ConflictException) refused).messageCode(), null, LocaleContextHolder.getLocale()));
    }
}
