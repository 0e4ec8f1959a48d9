package io.kaskad.account.web;

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

import io.kaskad.account.AccountRules;
import io.kaskad.account.PortalUser;
import io.kaskad.account.UserService;
import io.kaskad.common.InvalidRequestException;

/**
 * "Смена пароля", for every signed-in user (clients and admins): the current password, then the new one twice.
 * After an admin reset it is the only page the user reaches until the password is their own.
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    private final UserService users;

    PasswordController(UserService users) {
        this.users = users;
    }

    @ModelAttribute("passwordChangeRequired")
    boolean passwordChangeRequired(@AuthenticationPrincipal PortalUser user) {
        return users.mustChangePassword(user.userId());
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", PasswordChangeForm.empty());
        return "account/password";
    }

    @PostMapping
    String change(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult errors,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && !form.newPassword().equals(form.repeatedPassword())) {
            errors.rejectValue("repeatedPassword", "password.change.mismatch");
        }
        if (errors.hasErrors()) {
            return "account/password";
        }
        try {
            users.changeOwnPassword(user.userId(), form.currentPassword(), form.newPassword());
        }
        catch (InvalidRequestException refused) {
            refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.messageCode(),
                    new Object[] { AccountRules.PASSWORD_MIN }, null));
            return "account/password";
        }
        redirect.addFlashAttribute("success", "password.change.done");
        return "redirect:/";
    }
}
