package io.kaskad.template;

import java.util.Map;
import java.util.Set;

/**
 * A template version's moderation state. The allowed moves are written here once:
 * a client edits a {@code DRAFT} or a {@code REJECTED} version and submits it; an admin approves or
 * rejects what is {@code ON_MODERATION}; an approved version is {@code SUPERSEDED} when a newer one
 * is approved.
 */
public enum TemplateState {
    DRAFT, ON_MODERATION, APPROVED, REJECTED, SUPERSEDED;

    private static final Map<TemplateState, Set<TemplateState>> ALLOWED = Map.of(
            DRAFT, Set.of(ON_MODERATION),
            REJECTED, Set.of(DRAFT, ON_MODERATION),
            ON_MODERATION, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(SUPERSEDED),
            SUPERSEDED, Set.of());

    public boolean canMoveTo(TemplateState next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
