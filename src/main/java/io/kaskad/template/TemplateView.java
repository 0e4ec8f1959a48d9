package io.kaskad.template;

import java.time.Instant;
import java.util.List;

/**
 * A template as its company (or a moderator) sees it: the latest version's state and content, which
 * version is approved for sending (if any), why the latest was rejected, and the history.
 */
public record TemplateView(String id, long companyId, TemplateType type, String name, TemplateState state, int version,
        Integer approvedVersion, String rejectReason, Object content, Instant createdAt, Instant updatedAt,
        List<TemplateEvent> history) {

    public boolean editable() {
        return state.editable() || state == TemplateState.APPROVED;
    }

    public boolean submittable() {
        return state.editable();
    }
}
