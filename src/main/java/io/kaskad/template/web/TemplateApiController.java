package io.kaskad.template.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.template.TemplateRequest;
import io.kaskad.template.TemplateService;
import io.kaskad.template.TemplateType;
import io.kaskad.template.TemplateView;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates of all three kinds over the API, with the portal's validation. Moderation decisions
 * are made in the portal only; the API submits and reports the state.
 */
@Tag(name = "Шаблоны", description = "Шаблоны уведомлений, WhatsApp и mail.ru и их модерация")
@RestController
@RequestMapping("/api/v1/templates")
class TemplateApiController {

    private final TemplateService templates;
    private final JsonMapper json;

    TemplateApiController(TemplateService templates, JsonMapper json) {
        this.templates = templates;
        this.json = json;
    }

    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal ApiClient client, @RequestParam(required = false) TemplateType type) {
        return templates.list(client.companyId(), type).stream().map(this::body).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@AuthenticationPrincipal ApiClient client, @RequestBody TemplateRequest request) {
        return body(templates.create(client.companyId(), actor(client), request));
    }

    @GetMapping("/{templateId}")
    Map<String, Object> get(@AuthenticationPrincipal ApiClient client, @PathVariable String templateId) {
        return body(templates.get(client.companyId(), templateId));
    }

    @PutMapping("/{templateId}")
    Map<String, Object> update(@AuthenticationPrincipal ApiClient client, @PathVariable String templateId,
            @RequestBody TemplateRequest request) {
        return body(templates.update(client.companyId(), actor(client), templateId, request));
    }

    @DeleteMapping("/{templateId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ApiClient client, @PathVariable String templateId) {
        templates.delete(client.companyId(), templateId);
    }

    @PostMapping("/{templateId}/submit")
    Map<String, Object> submit(@AuthenticationPrincipal ApiClient client, @PathVariable String templateId) {
        return body(templates.submit(client.companyId(), actor(client), templateId));
    }

    private static String actor(ApiClient client) {
        return "API key #" + client.keyId();
    }

    /** The template's state and identity, then the fields of its kind, then its history. */
    private Map<String, Object> body(TemplateView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id());
        body.put("type", view.type());
        body.put("name", view.name());
        body.put("state", view.state());
        body.put("version", view.version());
        body.put("approvedVersion", view.approvedVersion());
        body.put("rejectReason", view.rejectReason());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = json.convertValue(view.content(), Map.class);
        body.putAll(content);
        body.put("createdAt", view.createdAt());
        body.put("updatedAt", view.updatedAt());
        body.put("history", view.history());
        return body;
    }
}
