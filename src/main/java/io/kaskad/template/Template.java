package io.kaskad.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import io.kaskad.common.ConflictException;

/**
 * A template and its versions: the aggregate root. The latest version is the one a client works
 * on; the latest approved version is the one messages use. Editing an approved template starts a
 * new version, so the approved one stays usable while the new one is moderated.
 */
@Table("template")
class Template {

    @Id
    private Long id;
    private final String publicId;
    private final long companyId;
    private final TemplateType type;
    private String name;
    private final Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "template_id", keyColumn = "version_index")
    private final List<TemplateVersion> versions;
    @MappedCollection(idColumn = "template_id", keyColumn = "event_index")
    private final List<TemplateEvent> events;

    Template(Long id, String publicId, long companyId, TemplateType type, String name, Instant createdAt, Instant updatedAt,
            List<TemplateVersion> versions, List<TemplateEvent> events) {
        this.id = id;
        this.publicId = publicId;
        this.companyId = companyId;
        this.type = type;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.versions = new ArrayList<>(versions);
        this.events = new ArrayList<>(events);
    }

    static Template create(long companyId, TemplateType type, String name, String content, String actor, Instant now) {
        Template template = new Template(null, UUID.randomUUID().toString(), companyId, type, name, now, now,
                List.of(new TemplateVersion(TemplateState.DRAFT, content, null, now, now)), List.of());
        template.events.add(new TemplateEvent(1, null, TemplateState.DRAFT, actor, null, now));
        return template;
    }

    /** A client's edit: in place on a draft or rejected version, as a new version after approval. */
    void edit(String newName, String content, String actor, Instant now) {
        TemplateVersion latest = latest();
        switch (latest.state()) {
            case DRAFT, REJECTED -> {
                versions.set(versions.size() - 1, latest.edited(content, now));
                if (latest.state() == TemplateState.REJECTED) {
                    events.add(new TemplateEvent(versions.size(), TemplateState.REJECTED, TemplateState.DRAFT, actor, null, now));
                }
            }
            case APPROVED -> {
                versions.add(new TemplateVersion(TemplateState.DRAFT, content, null, now, now));
                events.add(new TemplateEvent(versions.size(), null, TemplateState.DRAFT, actor, null, now));
            }
            default -> throw new ConflictException("state", "template.edit.on-moderation");
        }
        this.name = newName;
        this.updatedAt = now;
    }

    void submit(String actor, Instant now) {
        move(TemplateState.ON_MODERATION, actor, null, now);
    }

    void approve(String admin, Instant now) {
        Optional<Integer> previous = approvedIndex();
        move(TemplateState.APPROVED, admin, null, now);
        previous.ifPresent(index -> {
            versions.set(index, versions.get(index).moved(TemplateState.SUPERSEDED, null, now));
            events.add(new TemplateEvent(index + 1, TemplateState.APPROVED, TemplateState.SUPERSEDED, admin, null, now));
        });
    }

    void reject(String admin, String reason, Instant now) {
        move(TemplateState.REJECTED, admin, reason, now);
    }

    private void move(TemplateState next, String actor, String reason, Instant now) {
        TemplateVersion latest = latest();
        if (!latest.state().canMoveTo(next)) {
            throw new ConflictException("state", "template.transition." + next.name().toLowerCase());
        }
        versions.set(versions.size() - 1, latest.moved(next, reason, now));
        events.add(new TemplateEvent(versions.size(), latest.state(), next, actor, reason, now));
        updatedAt = now;
    }

    TemplateVersion latest() {
        return versions.get(versions.size() - 1);
    }

    TemplateVersion versionAt(int index) {
        return versions.get(index);
    }

    int latestNumber() {
        return versions.size();
    }

    /** The version messages use, if any version was ever approved (and not superseded). */
    Optional<TemplateVersion> approved() {
        return approvedIndex().map(versions::get);
    }

    private Optional<Integer> approvedIndex() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).state() == TemplateState.APPROVED) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Long id() {
        return id;
    }

    String publicId() {
        return publicId;
    }

    long companyId() {
        return companyId;
    }

    TemplateType type() {
        return type;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<TemplateEvent> events() {
        return List.copyOf(events);
    }
}
