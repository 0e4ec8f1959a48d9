package io.kaskad.account.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.kaskad.account.AccountRules;
import io.kaskad.account.PasswordPolicy;
import io.kaskad.account.PortalUser;
import io.kaskad.account.UserService;
import io.kaskad.common.ConflictException;

/** "Пользователи": the company's users, added and enabled or disabled by its own users. */
@Controller
@RequestMapping("/settings/users")
class UserController {

    private final UserService users;
    private final PasswordPolicy passwords;

    UserController(UserService users, PasswordPolicy passwords) {
        this.passwords = passwords;
        this.users = users;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("form", NewUserForm.empty());
        return page(user, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") NewUserForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            passwords.problem(form.username(), form.password())
                .ifPresent(code -> errors.rejectValue("password", code, new Object[] { AccountRules.PASSWORD_MIN }, null));
        }
        if (!errors.hasErrors()) {
            try {
                users.createClient(user.companyId(), form.username(), form.password());
                redirect.addFlashAttribute("success", "users.created");
                return "redirect:/settings/users";
            }
            catch (ConflictException conflict) {
                errors.rejectValue(conflict.field(), conflict.messageCode());
            }
        }
        return page(user, model);
    }

    /** Enables or disables a user; with htmx only the user's row is swapped. */
    @PostMapping("/{userId}/enabled")
    String setEnabled(@AuthenticationPrincipal PortalUser user, @PathVariable long userId, @RequestParam boolean enabled,
            HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("u", users.setEnabled(user.companyId(), userId, enabled, user.userId()));
        }
        catch (ConflictException conflict) {
            redirect.addFlashAttribute("error", conflict.messageCode());
            return "redirect:/settings/users";
        }
        if (htmx.isHtmxRequest()) {
            model.addAttribute("me", user.userId());
            return "settings/users :: row";
        }
        return "redirect:/settings/users";
    }

    private String page(PortalUser user, Model model) {
        model.addAttribute("users", users.list(user.companyId()));
        model.addAttribute("me", user.userId());
        return "settings/users";
    }
}
