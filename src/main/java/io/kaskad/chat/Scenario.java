package io.kaskad.chat;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A company's bot scenario; {@code definition} is the JSON of a {@link ScenarioDefinition}. */
@Table("scenario")
record Scenario(@Id Long id, String publicId, long companyId, String name, String definition, Instant createdAt, Instant updatedAt) {

    Scenario edited(String newName, String newDefinition, Instant at) {
        return new Scenario(id, publicId, companyId, newName, newDefinition, createdAt, at);
    }
}
