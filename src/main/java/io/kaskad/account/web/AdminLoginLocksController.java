package io.kaskad.account.web;

import java.time.Clock;
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

/**
 * "Блокировки входа" (admins only): the user names under attack in the last hour, the user names, devices and addresses
 * locked by failed logins, and lifting a lock.
 */
@Controller
@RequestMapping("/admin/login-locks")
class AdminLoginLocksController {

    private static final int ATTACKS_SHOWN = 20;

    private final LoginThrottle throttle;
    private final Clock clock;

    AdminLoginLocksController(LoginThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        Instant now = clock.instant();
        model.addAttribute("locks", throttle.locks());
        model.addAttribute("attacks", throttle.attacks(now.minus(Duration.ofHours(1)), ATTACKS_SHOWN));
        model.addAttribute("failuresToday", throttle.failuresSince(now.minus(Duration.ofDays(1))));
        return "admin/login-locks";
    }

    @PostMapping("/lift")
    String lift(@RequestParam String key, RedirectAttributes redirect) {
        throttle.lift(key);
        redirect.addFlashAttribute("success", "login-locks.lifted");
        return "redirect:/admin/login-locks";
    }
}
