package io.kaskad.account.web;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.AccountRules;
import io.kaskad.account.CompanyService;
import io.kaskad.account.UserAccount;
import io.kaskad.account.UserService;
import io.kaskad.common.InvalidRequestException;

/**
 * "Пользователи" (admins only): find any user by login and give them a temporary password, which they must
 * replace at their next sign-in.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    private static final int PAGE_SIZE = 50;

    private final UserService users;
    private final CompanyService companies;

    AdminUserController(UserService users, CompanyService companies) {
        this.users = users;
        this.companies = companies;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        List<UserAccount> found = users.search(q, PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        model.addAttribute("companyNames", companies.names(found.stream().map(UserAccount::companyId).filter(Objects::nonNull).toList()));
        model.addAttribute("passwordMin", AccountRules.PASSWORD_MIN);
        return "admin/users";
    }

    @PostMapping("/{userId}/password")
    String resetPassword(@PathVariable long userId, @RequestParam String password, @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        try {
            UserAccount user = users.resetPassword(userId, password);
            redirect.addFlashAttribute("success", "admin.users.reset.done");
            redirect.addAttribute("q", user.username());
        }
        catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("error", refused.problems().get(0).messageCode());
            redirect.addFlashAttribute("errorArg", AccountRules.PASSWORD_MIN);
            redirect.addAttribute("q", q);
        }
        return "redirect:/admin/users";
    }
}
