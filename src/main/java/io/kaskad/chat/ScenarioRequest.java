package io.kaskad.chat;

import java.util.List;

/** A scenario as the API and the portal send it. */
public record ScenarioRequest(String name, String start, List<ScenarioDefinition.Step> steps, String fallbackMessage) {

    ScenarioDefinition definition() {
        return new ScenarioDefinition(start, steps, fallbackMessage);
    }
}
