package io.kaskad.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sections of the portal map whose features are not built yet show an empty state, so the
 * navigation is complete from day one. Each feature replaces its entry with its own controller.
 */
@Controller
class UpcomingSectionController {

    /** Path → message key of the section's title. */
    static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("/slots", "nav.integrations.slots"),
            Map.entry("/integrations", "nav.integrations.messengers"));

    @GetMapping({ "/slots", "/integrations" })
    String upcoming(HttpServletRequest request, Model model) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("sectionTitle", SECTIONS.get(path));
        return "upcoming";
    }
}
