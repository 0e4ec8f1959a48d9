package io.kaskad.template;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A company's templates and their moderation. Clients create, edit, submit and delete their own
 * templates (always scoped by company id); admins approve or reject what waits for moderation.
 */
@Service
public class TemplateService {

    static final int NAME_MAX = 200;
    static final int REASON_MAX = 1000;

    private final TemplateRepository templates;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TemplateService(TemplateRepository templates, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public TemplateView create(long companyId, String actor, TemplateRequest request) {
        check(request);
        String name = request.name().strip();
        if (templates.existsByCompanyIdAndTypeAndName(companyId, request.type(), name)) {
            throw new ConflictException("name", "template.name.taken");
        }
        return view(templates.save(Template.create(companyId, request.type(), name, json.writeValueAsString(request.content()),
                actor, clock.instant())));
    }

    /** Edits a draft or rejected version in place; editing an approved template starts a new version. */
    @Transactional
    public TemplateView update(long companyId, String actor, String templateId, TemplateRequest request) {
        Template template = find(companyId, templateId);
        if (request.type() != null && request.type() != template.type()) {
            throw new InvalidRequestException(List.of(new Problem("type", "template.type.fixed", template.type())));
        }
        TemplateRequest typed = withType(request, template.type());
        check(typed);
        String name = typed.name().strip();
        if (!name.equals(template.name()) && templates.existsByCompanyIdAndTypeAndName(companyId, template.type(), name)) {
            throw new ConflictException("name", "template.name.taken");
        }
        template.edit(name, json.writeValueAsString(typed.content()), actor, clock.instant());
        return view(templates.save(template));
    }

    @Transactional
    public TemplateView submit(long companyId, String actor, String templateId) {
        Template template = find(companyId, templateId);
        template.submit(actor, clock.instant());
        return view(templates.save(template));
    }

    @Transactional
    public void delete(long companyId, String templateId) {
        templates.delete(find(companyId, templateId));
    }

    public TemplateView get(long companyId, String templateId) {
        return view(find(companyId, templateId));
    }

    public List<TemplateView> list(long companyId, TemplateType type) {
        return (type == null ? templates.findByCompanyIdOrderByTypeAscNameAsc(companyId)
                : templates.findByCompanyIdAndTypeOrderByNameAsc(companyId, type)).stream().map(this::view).toList();
    }

    // ---- moderation (admins, across companies) ----

    /** How many templates wait for a moderator: the admin dashboard's figure. */
    public int awaitingModerationCount() {
        return templates.findAwaitingModeration().size();
    }

    public List<TemplateView> awaitingModeration(TemplateType type, Long companyId) {
        return templates.findAwaitingModeration().stream()
            .filter(t -> type == null || t.type() == type)
            .filter(t -> companyId == null || t.companyId() == companyId)
            .map(this::view)
            .toList();
    }

    public TemplateView forModeration(String templateId) {
        return view(templates.findByPublicId(templateId).orElseThrow(() -> new NotFoundException("Template", templateId)));
    }

    @Transactional
    public TemplateView approve(String templateId, String admin) {
        Template template = moderated(templateId);
        template.approve(admin, clock.instant());
        TemplateView view = view(templates.save(template));
        events.publishEvent(decision(view, true, null));
        return view;
    }

    @Transactional
    public TemplateView reject(String templateId, String admin, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(List.of(new Problem("reason", "template.reject.reason.required")));
        }
        if (reason.length() > REASON_MAX) {
            throw new InvalidRequestException(List.of(new Problem("reason", "template.too-long", REASON_MAX)));
        }
        Template template = moderated(templateId);
        template.reject(admin, reason.strip(), clock.instant());
        TemplateView view = view(templates.save(template));
        events.publishEvent(decision(view, false, reason.strip()));
        return view;
    }

    // ---- used by the send path ----

    java.util.Optional<Template> findByName(long companyId, TemplateType type, String name) {
        return templates.findByCompanyIdAndTypeAndName(companyId, type, name);
    }

    java.util.Optional<Template> findById(long companyId, String templateId) {
        return templates.findByCompanyIdAndPublicId(companyId, templateId);
    }

    <T> T content(TemplateVersion version, Class<T> kind) {
        return json.readValue(version.content(), kind);
    }

    // ----

    private Template find(long companyId, String templateId) {
        return templates.findByCompanyIdAndPublicId(companyId, templateId)
            .orElseThrow(() -> new NotFoundException("Template", templateId));
    }

    /** The template a moderator decides on; the aggregate refuses a decision unless it is on moderation. */
    private Template moderated(String templateId) {
        return templates.findByPublicId(templateId).orElseThrow(() -> new NotFoundException("Template", templateId));
    }

    private static TemplateRequest withType(TemplateRequest r, TemplateType type) {
        return new TemplateRequest(type, r.name(), r.channels(), r.validityPeriod(), r.useShortLinks(), r.allowedTimeRanges(),
                r.languageCode(), r.namespace(), r.header(), r.body(), r.footer(), r.buttons(), r.email(), r.vkBody(),
                r.vkGroupUrl(), r.okBody(), r.okGroupUrl());
    }

    private static void check(TemplateRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.type() == null) {
            problems.add(new Problem("type", "template.type.required"));
            throw new InvalidRequestException(problems);
        }
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new Problem("name", "template.name.required"));
        }
        else if (request.name().strip().length() > NAME_MAX) {
            problems.add(new Problem("name", "template.too-long", NAME_MAX));
        }
        else if (request.type() == TemplateType.WHATSAPP && !WhatsAppContent.NAME.matcher(request.name().strip()).matches()) {
            problems.add(new Problem("name", "template.whatsapp.name"));
        }
        Object content = request.content();
        if (content instanceof NotificationContent notification) {
            notification.check(problems);
        }
        else if (content instanceof WhatsAppContent whatsApp) {
            whatsApp.check(problems);
        }
        else if (content instanceof MailruContent mailru) {
            mailru.check(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private TemplateView view(Template template) {
        TemplateVersion latest = template.latest();
        Class<?> kind = switch (template.type()) {
            case NOTIFICATION -> NotificationContent.class;
            case WHATSAPP -> WhatsAppContent.class;
            case MAILRU -> MailruContent.class;
        };
        Integer approvedVersion = null;
        for (int i = 0; i < template.latestNumber(); i++) {
            if (template.versionAt(i).state() == TemplateState.APPROVED) {
                approvedVersion = i + 1;
            }
        }
        return new TemplateView(template.publicId(), template.companyId(), template.type(), template.name(), latest.state(),
                template.latestNumber(), approvedVersion, latest.rejectReason(), json.readValue(latest.content(), kind),
                template.createdAt(), template.updatedAt(), template.events());
    }

    private static TemplateModerated decision(TemplateView view, boolean approved, String reason) {
        String email = view.content() instanceof MailruContent mailru ? mailru.email() : null;
        return new TemplateModerated(view.companyId(), view.id(), view.type(), view.name(), approved, reason, email);
    }
}
