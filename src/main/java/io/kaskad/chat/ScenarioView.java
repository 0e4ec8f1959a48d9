package io.kaskad.chat;

import java.time.Instant;

/** A scenario as its company sees it. */
public record ScenarioView(String id, String name, ScenarioDefinition definition, Instant createdAt, Instant updatedAt) {
}
