package io.kaskad.account.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.PortalUser;
import io.kaskad.account.UserService;
import io.kaskad.common.InvalidRequestException;

/**
 * A platform admin's own time zone: admins have no company, so their pages show times in the zone they choose here,
 * or in the installation's ({@code kaskad.time-zone}) until they do.
 */
@Controller
@RequestMapping("/admin/time-zone")
class AdminTimeZoneController {

    private final UserService users;

    AdminTimeZoneController(UserService users) {
        this.users = users;
    }

    @ModelAttribute("timezones")
    java.util.List<String> timezones() {
        return TimeZones.ALL;
    }

    @GetMapping
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("chosen", users.adminZone(user.userId()).getId());
        model.addAttribute("installationZone", users.installationZone().getId());
        return "admin/time-zone";
    }

    @PostMapping
    String choose(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String timeZone, RedirectAttributes redirect) {
        try {
            users.setTimeZone(user.userId(), timeZone);
            redirect.addFlashAttribute("success", "admin.time-zone.saved");
        }
        catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("error", "validation.timezone");
        }
        return "redirect:/admin/time-zone";
    }
}
