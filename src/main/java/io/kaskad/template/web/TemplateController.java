package io.kaskad.template.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import io.kaskad.account.PortalUser;
import io.kaskad.channel.Channel;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.template.TemplateService;
import io.kaskad.template.TemplateState;
import io.kaskad.template.TemplateType;
import io.kaskad.template.TemplateView;
import io.kaskad.template.WhatsAppContent;
import io.kaskad.message.ShortLinks;

/**
 * "Шаблоны", "Шаблоны WhatsApp", "Шаблоны mail.ru": a company's templates, their editor with a live
 * preview, submission to moderation, the moderator's decision and the history.
 */
@Controller
class TemplateController {

    private final TemplateService templates;
    private final ShortLinks shortLinks;
    private final MessageSource texts;

    TemplateController(TemplateService templates, MessageSource texts, ShortLinks shortLinks) {
        this.shortLinks = shortLinks;
        this.templates = templates;
        this.texts = texts;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("channelChoices", Arrays.stream(Channel.values()).map(Channel::apiName).toList());
        model.addAttribute("headerTypes", WhatsAppContent.HeaderType.values());
        model.addAttribute("buttonTypes", WhatsAppContent.ButtonType.values());
    }

    @GetMapping("/templates")
    String notifications(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) TemplateState state, Model model) {
        return list(user, TemplateType.NOTIFICATION, q, state, model);
    }

    @GetMapping("/templates/whatsapp")
    String whatsApp(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) TemplateState state, Model model) {
        return list(user, TemplateType.WHATSAPP, q, state, model);
    }

    @GetMapping("/templates/mailru")
    String mailru(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) TemplateState state, Model model) {
        return list(user, TemplateType.MAILRU, q, state, model);
    }

    @GetMapping("/templates/new")
    String create(@RequestParam TemplateType type, Model model) {
        TemplateForm form = TemplateForm.blank(type);
        model.addAttribute("form", form);
        model.addAttribute("preview", TemplatePreview.of(form.toRequest(), shortLinks::asSent));
        model.addAttribute("currentPath", listPath(type));
        return "templates/edit";
    }

    @PostMapping("/templates")
    String save(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") TemplateForm form, Model model,
            RedirectAttributes redirect) {
        return saving(model, form, redirect, () -> templates.create(user.companyId(), user.getUsername(), form.toRequest()));
    }

    @GetMapping("/templates/{templateId}")
    String detail(@AuthenticationPrincipal PortalUser user, @PathVariable String templateId, Model model) {
        TemplateView view = templates.get(user.companyId(), templateId);
        model.addAttribute("template", view);
        model.addAttribute("preview", TemplatePreview.of(TemplateForm.of(view).toRequest(), shortLinks::asSent));
        return "templates/detail";
    }

    @GetMapping("/templates/{templateId}/edit")
    String edit(@AuthenticationPrincipal PortalUser user, @PathVariable String templateId, Model model) {
        TemplateView view = templates.get(user.companyId(), templateId);
        TemplateForm form = TemplateForm.of(view);
        model.addAttribute("form", form);
        model.addAttribute("templateId", templateId);
        model.addAttribute("preview", TemplatePreview.of(form.toRequest(), shortLinks::asSent));
        model.addAttribute("currentPath", listPath(view.type()));
        return "templates/edit";
    }

    @PostMapping("/templates/{templateId}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable String templateId, @ModelAttribute("form") TemplateForm form,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("templateId", templateId);
        return saving(model, form, redirect,
                () -> templates.update(user.companyId(), user.getUsername(), templateId, form.toRequest()));
    }

    @PostMapping("/templates/{templateId}/submit")
    String submit(@AuthenticationPrincipal PortalUser user, @PathVariable String templateId, RedirectAttributes redirect) {
        try {
            templates.submit(user.companyId(), user.getUsername(), templateId);
            redirect.addFlashAttribute("success", "templates.submitted");
        }
        catch (ConflictException conflict) {
            redirect.addFlashAttribute("error", conflict.messageCode());
        }
        return "redirect:/templates/" + templateId;
    }

    /** With htmx (after the confirm dialog) the browser is sent to the list by HX-Redirect. */
    @PostMapping("/templates/{templateId}/delete")
    View delete(@AuthenticationPrincipal PortalUser user, @PathVariable String templateId, HtmxRequest htmx,
            RedirectAttributes redirect) {
        TemplateType type = templates.get(user.companyId(), templateId).type();
        templates.delete(user.companyId(), templateId);
        redirect.addFlashAttribute("success", "templates.deleted");
        return htmx.isHtmxRequest() ? new HtmxRedirectView(listPath(type)) : new RedirectView(listPath(type));
    }

    /** The editor's live preview, swapped in by htmx as the client types. */
    @PostMapping("/templates/preview")
    String preview(@ModelAttribute("form") TemplateForm form, Model model) {
        model.addAttribute("preview", TemplatePreview.of(form.toRequest(), shortLinks::asSent));
        return "templates/preview :: preview";
    }

    private String saving(Model model, TemplateForm form, RedirectAttributes redirect, Supplier<TemplateView> save) {
        model.addAttribute("preview", TemplatePreview.of(form.toRequest(), shortLinks::asSent));
        try {
            TemplateView saved = save.get();
            redirect.addFlashAttribute("success", "templates.saved");
            return "redirect:/templates/" + saved.id();
        }
        catch (InvalidRequestException invalid) {
            showAtFields(model, invalid.problems().stream()
                .map(p -> Map.entry(p.field(), texts.getMessage(p.messageCode(), p.args(), p.messageCode(), LocaleContextHolder.getLocale())))
                .toList());
        }
        catch (ConflictException conflict) {
            showAtFields(model, List.of(Map.entry(conflict.field(),
                    texts.getMessage(conflict.messageCode(), null, LocaleContextHolder.getLocale()))));
        }
        model.addAttribute("currentPath", listPath(form.getType()));
        return "templates/edit";
    }

    /**
     * Each problem at its field (Bootstrap's invalid state and feedback) when the form has that field;
     * the rest above the form, in words, without the request's field paths.
     */
    private static void showAtFields(Model model, List<Map.Entry<String, String>> problems) {
        Map<String, String> atFields = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, String> problem : problems) {
            String field = FORM_FIELDS.get(problem.getKey());
            if (field != null) {
                atFields.putIfAbsent(field, problem.getValue());
            }
            else {
                others.add(problem.getValue());
            }
        }
        model.addAttribute("fieldErrors", atFields);
        if (!others.isEmpty()) {
            model.addAttribute("problems", others);
        }
    }

    /** The request's field paths that are one field of the form, and that field's name. */
    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(Map.entry("name", "name"), Map.entry("languageCode", "languageCode"),
            Map.entry("body", "body"), Map.entry("footer", "footer"), Map.entry("header.text", "headerText"), Map.entry("header.url", "headerUrl"),
            Map.entry("email", "email"), Map.entry("vkGroupUrl", "vkGroupUrl"), Map.entry("okGroupUrl", "okGroupUrl"),
            Map.entry("validityPeriod", "validityPeriod"));

    /** The type's templates whose name contains {@code q} (any case), in {@code state} when one is chosen. */
    private String list(PortalUser user, TemplateType type, String q, TemplateState state, Model model) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        model.addAttribute("states", TemplateState.values());
        model.addAttribute("templates", templates.list(user.companyId(), type).stream()
            .filter(t -> query.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(query))
            .filter(t -> state == null || t.state() == state)
            .toList());
        model.addAttribute("filtered", !query.isEmpty() || state != null);
        return "templates/list";
    }

    static String listPath(TemplateType type) {
        return switch (type) {
            case NOTIFICATION -> "/templates";
            case WHATSAPP -> "/templates/whatsapp";
            case MAILRU -> "/templates/mailru";
        };
    }
}
