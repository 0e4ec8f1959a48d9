package io.kaskad.web;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.kaskad.account.ApiKeyService;
import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.account.UserService;
import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.stats.MessagingReports;
import io.kaskad.stats.Period;
import io.kaskad.task.TaskService;
import io.kaskad.template.TemplateService;

/**
 * "Главная": a client sees their company's last 24 hours at a glance (messages, delivery rate, fallbacks, tasks
 * running, dialogs waiting, a small chart); an admin sees the platform's companies and their messages together.
 */
@Controller
class DashboardController {

    private final CompanyService companies;
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final TemplateService templates;
    private final MessagingReports reports;
    private final TaskService tasks;
    private final ChatSessionQueries sessions;
    private final Clock clock;

    DashboardController(CompanyService companies, UserService users, ApiKeyService apiKeys, TemplateService templates,
            MessagingReports reports, TaskService tasks, ChatSessionQueries sessions, Clock clock) {
        this.templates = templates;
        this.companies = companies;
        this.users = users;
        this.apiKeys = apiKeys;
        this.reports = reports;
        this.tasks = tasks;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal PortalUser user, Model model) {
        if (user.isAdmin()) {
            model.addAttribute("companyCount", companies.count());
            model.addAttribute("awaitingModeration", templates.awaitingModerationCount());
            model.addAttribute("report", reports.platform(Period.last24Hours(clock.instant(), users.adminZone(user.userId()))));
            return "dashboard/admin";
        }
        long companyId = user.companyId();
        var company = companies.get(companyId);
        ZoneId zone = company.zoneId();
        model.addAttribute("company", company);
        model.addAttribute("userCount", users.count(companyId));
        model.addAttribute("activeKeyCount", apiKeys.countActive(companyId));
        model.addAttribute("report", reports.company(companyId, Period.last24Hours(clock.instant(), zone), null));
        model.addAttribute("tasksRunning", tasks.countRunning(companyId));
        model.addAttribute("dialogsWaiting", sessions.waitingForOperator(companyId));
        return "dashboard/client";
    }
}
