package io.kaskad.chat.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.chat.ScenarioEngine;
import io.kaskad.chat.ScenarioRequest;
import io.kaskad.chat.ScenarioService;
import io.kaskad.chat.ScenarioView;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Bot scenarios over the API, with the same validation as the portal, and a test turn that stores nothing. */
@Tag(name = "Сценарии ботов", description = "Сценарии ботов и их проверка")
@RestController
@RequestMapping("/api/v1/scenarios")
class ScenarioApiController {

    private final ScenarioService scenarios;

    ScenarioApiController(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping
    List<ScenarioView> list(@AuthenticationPrincipal ApiClient client) {
        return scenarios.list(client.companyId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ScenarioView create(@AuthenticationPrincipal ApiClient client, @RequestBody ScenarioRequest request) {
        return scenarios.create(client.companyId(), request);
    }

    @GetMapping("/{scenarioId}")
    ScenarioView get(@AuthenticationPrincipal ApiClient client, @PathVariable String scenarioId) {
        return scenarios.get(client.companyId(), scenarioId);
    }

    @PutMapping("/{scenarioId}")
    ScenarioView update(@AuthenticationPrincipal ApiClient client, @PathVariable String scenarioId,
            @RequestBody ScenarioRequest request) {
        return scenarios.update(client.companyId(), scenarioId, request);
    }

    @DeleteMapping("/{scenarioId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ApiClient client, @PathVariable String scenarioId) {
        scenarios.delete(client.companyId(), scenarioId);
    }

    /** {@code {"state": null}} starts the dialog; then send back the answered state with the user's {@code text}. */
    @PostMapping("/{scenarioId}/test")
    ScenarioEngine.Turn test(@AuthenticationPrincipal ApiClient client, @PathVariable String scenarioId, @RequestBody TestTurn turn) {
        return scenarios.test(client.companyId(), scenarioId, turn.state(), turn.text(), turn.variables());
    }

    record TestTurn(ScenarioEngine.State state, String text, Map<String, Object> variables) {
    }
}
