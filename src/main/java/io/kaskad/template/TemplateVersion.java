package io.kaskad.template;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** One version of a template: its content (JSON of the kind's fields) and its moderation state. */
@Table("template_version")
record TemplateVersion(TemplateState state, String content, String rejectReason, Instant createdAt, Instant updatedAt) {

    TemplateVersion moved(TemplateState next, String reason, Instant at) {
        return new TemplateVersion(next, content, next == TemplateState.REJECTED ? reason : null, createdAt, at);
    }

    TemplateVersion edited(String newContent, Instant at) {
        return new TemplateVersion(TemplateState.DRAFT, newContent, null, createdAt, at);
    }
}
