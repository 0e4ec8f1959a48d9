package io.kaskad.account.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;

/** "Настройки компании": the company's timezone and send rate limit. */
@Controller
@RequestMapping("/settings")
class CompanySettingsController {

    private final CompanyService companies;

    CompanySettingsController(CompanyService companies) {
        this.companies = companies;
    }

    @ModelAttribute("timezones")
    List<String> timezones() {
        return TimeZones.ALL;
    }

    @GetMapping
    String show(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("company", companies.get(user.companyId()));
        model.addAttribute("form", CompanySettingsForm.of(companies.get(user.companyId())));
        return "settings/company";
    }

    @PostMapping
    String save(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") CompanySettingsForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("company", companies.get(user.companyId()));
            return "settings/company";
        }
        companies.updateSettings(user.companyId(), form.timezone(), form.sendRateLimit(), form.notificationEmail());
        redirect.addFlashAttribute("success", "settings.saved");
        return "redirect:/settings";
    }
}
