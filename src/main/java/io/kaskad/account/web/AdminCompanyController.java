package io.kaskad.account.web;

import java.util.List;

import jakarta.validation.Valid;

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
import io.kaskad.account.CompanyService;
import io.kaskad.account.PasswordPolicy;
import io.kaskad.common.ConflictException;

/** "Компании" (admins only): list, open a company with its first user, block and unblock. */
@Controller
@RequestMapping("/admin/companies")
class AdminCompanyController {

    private static final int PAGE_SIZE = 50;

    private final CompanyService companies;
    private final PasswordPolicy passwords;

    AdminCompanyController(CompanyService companies, PasswordPolicy passwords) {
        this.passwords = passwords;
        this.companies = companies;
    }

    @ModelAttribute("timezones")
    List<String> timezones() {
        return TimeZones.ALL;
    }

    /** The list, filtered by name; typing in the search box swaps only the list, with htmx. */
    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, HtmxRequest htmx, Model model) {
        model.addAttribute("form", NewCompanyForm.empty());
        model.addAttribute("search", companies.search(q, PAGE_SIZE));
        return htmx.isHtmxRequest() ? "admin/companies :: list" : "admin/companies";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewCompanyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            passwords.problem(form.username(), form.password())
                .ifPresent(code -> errors.rejectValue("password", code, new Object[] { AccountRules.PASSWORD_MIN }, null));
        }
        if (!errors.hasErrors()) {
            try {
                String name = companies.open(form.toNewCompany()).name();
                redirect.addFlashAttribute("success", "companies.created");
                redirect.addAttribute("q", name);
                return "redirect:/admin/companies";
            }
            catch (ConflictException conflict) {
                errors.rejectValue(conflict.field(), conflict.messageCode());
            }
        }
        model.addAttribute("search", companies.search("", PAGE_SIZE));
        return "admin/companies";
    }

    @PostMapping("/{companyId}/blocked")
    String setBlocked(@PathVariable long companyId, @RequestParam boolean blocked, HtmxRequest htmx, Model model) {
        companies.setBlocked(companyId, blocked);
        if (htmx.isHtmxRequest()) {
            model.addAttribute("summary", companies.summary(companyId));
            return "admin/companies :: row";
        }
        return "redirect:/admin/companies";
    }
}
