package io.kaskad.provider.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.PortalUser;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.TooManyRequestsException;
import io.kaskad.provider.ProviderClient.CheckResult;
import io.kaskad.provider.ProviderConnection;
import io.kaskad.provider.ProviderConnections;
import io.kaskad.provider.ProviderType;

/**
 * "Настройки компании → Провайдеры": the company's connections (list, add, edit, check, disable,
 * delete). Secrets are shown only as "задан"; a blank secret field keeps the stored value.
 */
@Controller
@RequestMapping("/settings/providers")
class ProviderPortalController {

    private final ProviderConnections connections;
    private final MessageSource messages;

    ProviderPortalController(ProviderConnections connections, MessageSource messages) {
        this.connections = connections;
        this.messages = messages;
    }

    @ModelAttribute("types")
    ProviderType[] types() {
        return ProviderType.values();
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("connections", connections.list(user.companyId()));
        return "settings/providers/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(defaultValue = "SMTP") String type, Model model) {
        ProviderForm form = new ProviderForm();
        form.setType(ProviderType.parse(type).orElse(ProviderType.SMTP).name());
        return form(model, form, null, null, Map.of());
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") ProviderForm form, Model model,
            RedirectAttributes redirect) {
        try {
            connections.create(user.companyId(), form.toRequest());
        }
        catch (InvalidRequestException | ConflictException e) {
            return form(model, form, null, null, problems(e));
        }
        redirect.addFlashAttribute("success", "provider.saved");
        return "redirect:/settings/providers";
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        ProviderConnection connection = connections.get(user.companyId(), id);
        return form(model, ProviderForm.of(connection), id, connection, Map.of());
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @ModelAttribute("form") ProviderForm form, Model model,
            RedirectAttributes redirect) {
        ProviderConnection existing = connections.get(user.companyId(), id);
        form.setType(existing.type().name());
        try {
            connections.update(user.companyId(), id, form.toRequest());
        }
        catch (InvalidRequestException | ConflictException e) {
            return form(model, form, id, existing, problems(e));
        }
        redirect.addFlashAttribute("success", "provider.saved");
        return "redirect:/settings/providers";
    }

    @PostMapping("/{id}/check")
    String check(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        ProviderConnection connection = connections.get(user.companyId(), id);
        CheckResult result;
        try {
            result = connections.check(user.companyId(), id);
        }
        catch (TooManyRequestsException tooMany) {
            redirect.addFlashAttribute("checkedId", id);
            redirect.addFlashAttribute("checkOk", false);
            redirect.addFlashAttribute("checkMessage", messages.getMessage("provider.check.too-many",
                    new Object[] { tooMany.retryAfterSeconds() }, LocaleContextHolder.getLocale()));
            return "redirect:/settings/providers";
        }
        redirect.addFlashAttribute("checkedId", id);
        redirect.addFlashAttribute("checkOk", result.ok());
        redirect.addFlashAttribute("checkMessage", result.ok()
                ? messages.getMessage("provider.check.passed", new Object[] { connection.name(), result.detail() }, LocaleContextHolder.getLocale())
                : messages.getMessage("provider.check.failed", new Object[] { connection.name() }, LocaleContextHolder.getLocale()) + " "
                        + messages.getMessage("provider.check." + result.problem(), new Object[] { result.detail() },
                                LocaleContextHolder.getLocale()));
        return "redirect:/settings/providers";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        connections.setEnabled(user.companyId(), id, enabled);
        redirect.addFlashAttribute("success", enabled ? "provider.enabled" : "provider.disabled");
        return "redirect:/settings/providers";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        connections.delete(user.companyId(), id);
        redirect.addFlashAttribute("success", "provider.deleted");
        return "redirect:/settings/providers";
    }

    private String form(Model model, ProviderForm form, Long id, ProviderConnection existing, Map<String, String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("type", ProviderType.parse(form.getType()).orElse(ProviderType.SMTP));
        model.addAttribute("connectionId", id);
        model.addAttribute("secretsSet", existing == null ? List.of() : List.copyOf(existing.secretsSet()));
        model.addAttribute("problems", problems);
        return "settings/providers/form";
    }

    /** Problems by field path ({@code settings.host}), in the portal's language. */
    private Map<String, String> problems(RuntimeException e) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (e instanceof ConflictException conflict) {
            problems.put(conflict.field(), messages.getMessage(conflict.messageCode(), null, LocaleContextHolder.getLocale()));
        }
        else if (e instanceof InvalidRequestException invalid) {
            invalid.problems().forEach(p -> problems.putIfAbsent(p.field(),
                    messages.getMessage(p.messageCode(), p.args(), p.messageCode(), LocaleContextHolder.getLocale())));
        }
        return problems;
    }
}
