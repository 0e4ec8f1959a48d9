package io.kaskad.template;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** One step of a template's history: who moved which version from which state to which, when, why. */
@Table("template_event")
public record TemplateEvent(int versionNumber, TemplateState fromState, TemplateState toState, String actor, String reason,
        Instant at) {
}
