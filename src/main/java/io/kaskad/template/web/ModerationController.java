package io.kaskad.template.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.template.TemplateService;
import io.kaskad.template.TemplateType;
import io.kaskad.template.TemplateView;
import io.kaskad.message.ShortLinks;

/** "Модерация" (admins): the queue across companies, a template with its preview, approve or reject with a reason. */
@Controller
class ModerationController {

    private final TemplateService templates;
    private final ShortLinks shortLinks;
    private final CompanyService companies;

    ModerationController(TemplateService templates, CompanyService companies, ShortLinks shortLinks) {
        this.shortLinks = shortLinks;
        this.templates = templates;
        this.companies = companies;
    }

    @GetMapping("/admin/moderation")
    String queue(@RequestParam(required = false) TemplateType type, @RequestParam(required = false) Long companyId,
            HtmxRequest htmx, Model model) {
        model.addAttribute("queue", templates.awaitingModeration(type, companyId));
        model.addAttribute("companyNames", companyNames());
        model.addAttribute("types", TemplateType.values());
        model.addAttribute("type", type);
        model.addAttribute("companyId", companyId);
        return htmx.isHtmxRequest() ? "admin/moderation :: queue" : "admin/moderation";
    }

    @GetMapping("/admin/moderation/{templateId}")
    String template(@PathVariable String templateId, Model model) {
        TemplateView view = templates.forModeration(templateId);
        model.addAttribute("template", view);
        model.addAttribute("companyName", companies.get(view.companyId()).name());
        model.addAttribute("preview", TemplatePreview.of(TemplateForm.of(view).toRequest(), shortLinks::asSent));
        return "admin/moderation-template";
    }

    @PostMapping("/admin/moderation/{templateId}/approve")
    String approve(@AuthenticationPrincipal PortalUser admin, @PathVariable String templateId, RedirectAttributes redirect) {
        return decide(redirect, templateId, () -> templates.approve(templateId, admin.getUsername()), "moderation.approved");
    }

    @PostMapping("/admin/moderation/{templateId}/reject")
    String reject(@AuthenticationPrincipal PortalUser admin, @PathVariable String templateId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return decide(redirect, templateId, () -> templates.reject(templateId, admin.getUsername(), reason), "moderation.rejected");
    }

    private String decide(RedirectAttributes redirect, String templateId, Runnable decision, String success) {
        try {
            decision.run();
            redirect.addFlashAttribute("success", success);
            return "redirect:/admin/moderation";
        }
        catch (InvalidRequestException invalid) {
            redirect.addFlashAttribute("error", invalid.problems().get(0).messageCode());
        }
        catch (ConflictException conflict) {
            redirect.addFlashAttribute("error", conflict.messageCode());
        }
        return "redirect:/admin/moderation/" + templateId;
    }

    private Map<Long, String> companyNames() {
        return companies.search("", 1000).companies().stream()
            .collect(Collectors.toMap(summary -> summary.company().id(), summary -> summary.company().name(), (a, b) -> a));
    }

}
