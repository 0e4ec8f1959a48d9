package io.kaskad.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.kaskad.account.ApiKeyService;
import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.account.UserService;
import io.kaskad.template.TemplateService;

/** "Главная": a client sees their company at a glance, an admin sees the platform's companies. */
@Controller
class DashboardController {

    private final CompanyService companies;
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final TemplateService templates;

    DashboardController(CompanyService companies, UserService users, ApiKeyService apiKeys, TemplateService templates) {
        this.templates = templates;
        this.companies = companies;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal PortalUser user, Model model) {
        if (user.isAdmin()) {
            model.addAttribute("companyCount", companies.count());
            model.addAttribute("awaitingModeration", templates.awaitingModerationCount());
            return "dashboard/admin";
        }
        long companyId = user.companyId();
        model.addAttribute("company", companies.get(companyId));
        model.addAttribute("userCount", users.count(companyId));
        model.addAttribute("activeKeyCount", apiKeys.countActive(companyId));
        return "dashboard/client";
    }
}
