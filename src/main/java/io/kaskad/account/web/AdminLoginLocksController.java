package io.kaskad.account.web;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.LoginThrottle;

/** "Блокировки входа" (admins only): user names and addresses locked by failed logins, and lifting a lock. */
@Controller
@RequestMapping("/admin/login-locks")
class AdminLoginLocksController {

    private final LoginThrottle throttle;

    AdminLoginLocksController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("locks", throttle.locks());
        model.addAttribute("failuresToday", throttle.failuresSince(Instant.now().minus(Duration.ofDays(1))));
        return "admin/login-locks";
    }

    @PostMapping("/lift")
    String lift(@RequestParam String key, RedirectAttributes redirect) {
        throttle.lift(key);
        redirect.addFlashAttribute("success", "login-locks.lifted");
        return "redirect:/admin/login-locks";
    }
}
