package io.kaskad.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/** A company's bot scenarios: kept only when they can run, and tried out without a chat. */
@Service
public class ScenarioService {

    static final int NAME_MAX = 200;

    private final ScenarioRepository scenarios;
    private final ChatRepository chats;
    private final JsonMapper json;
    private final Clock clock;

    ScenarioService(ScenarioRepository scenarios, ChatRepository chats, JsonMapper json, Clock clock) {
        this.scenarios = scenarios;
        this.chats = chats;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ScenarioView create(long companyId, ScenarioRequest request) {
        String name = check(request);
        if (scenarios.existsByCompanyIdAndName(companyId, name)) {
            throw new ConflictException("name", "scenario.name.taken");
        }
        Instant now = clock.instant();
        return view(scenarios.save(new Scenario(null, UUID.randomUUID().toString(), companyId, name,
                json.writeValueAsString(request.definition()), now, now)));
    }

    @Transactional
    public ScenarioView update(long companyId, String scenarioId, ScenarioRequest request) {
        Scenario scenario = find(companyId, scenarioId);
        String name = check(request);
        if (!name.equals(scenario.name()) && scenarios.existsByCompanyIdAndName(companyId, name)) {
            throw new ConflictException("name", "scenario.name.taken");
        }
        return view(scenarios.save(scenario.edited(name, json.writeValueAsString(request.definition()), clock.instant())));
    }

    @Transactional
    public void delete(long companyId, String scenarioId) {
        Scenario scenario = find(companyId, scenarioId);
        if (chats.countUsingScenario(companyId, scenario.publicId()) > 0) {
            throw new ConflictException("scenarioId", "scenario.in-use");
        }
        scenarios.delete(scenario);
    }

    public ScenarioView get(long companyId, String scenarioId) {
        return view(find(companyId, scenarioId));
    }

    public List<ScenarioView> list(long companyId) {
        return scenarios.findByCompanyIdOrderByNameAsc(companyId).stream().map(this::view).toList();
    }

    /**
     * One turn of the test console: with no {@code state} the bot starts, otherwise it answers
     * {@code text}. Nothing is stored.
     */
    public ScenarioEngine.Turn test(long companyId, String scenarioId, ScenarioEngine.State state, String text,
            Map<String, ?> variables) {
        ScenarioDefinition definition = get(companyId, scenarioId).definition();
        return state == null ? ScenarioEngine.start(definition, variables) : ScenarioEngine.reply(definition, state, text, variables);
    }

    private Scenario find(long companyId, String scenarioId) {
        return scenarios.findByCompanyIdAndPublicId(companyId, scenarioId)
            .orElseThrow(() -> new NotFoundException("Scenario", scenarioId));
    }

    private static String check(ScenarioRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new Problem("name", "scenario.name.required"));
        }
        else if (request.name().strip().length() > NAME_MAX) {
            problems.add(new Problem("name", "template.too-long", NAME_MAX));
        }
        ScenarioRules.check(request.definition(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request.name().strip();
    }

    private ScenarioView view(Scenario scenario) {
        return new ScenarioView(scenario.publicId(), scenario.name(), json.readValue(scenario.definition(), ScenarioDefinition.class),
                scenario.createdAt(), scenario.updatedAt());
    }
}
