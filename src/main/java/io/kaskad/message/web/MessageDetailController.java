package io.kaskad.message.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.message.MessageAlreadySentException;
import io.kaskad.message.MessageService;

/** One message: its cascade as a timeline (refreshing while in flight) and a cancel button while cancellable. */
@Controller
class MessageDetailController {

    private final MessageService messages;
    private final CompanyService companies;

    MessageDetailController(MessageService messages, CompanyService companies) {
        this.messages = messages;
        this.companies = companies;
    }

    @GetMapping("/messages/{messageId}")
    String detail(@AuthenticationPrincipal PortalUser user, @PathVariable String messageId, HtmxRequest htmx, Model model) {
        model.addAttribute("message", messages.get(user.companyId(), messageId));
        model.addAttribute("zone", companies.get(user.companyId()).zoneId());
        return htmx.isHtmxRequest() ? "messages/detail :: card" : "messages/detail";
    }

    /**
     * Cancels from the page. An htmx click swaps the card, which says the outcome itself ({@code cardSuccess},
     * {@code cardError}); a plain form post redirects, and the layout shows the outcome once, as a flash.
     */
    @PostMapping("/messages/{messageId}/cancel")
    String cancel(@AuthenticationPrincipal PortalUser user, @PathVariable String messageId, HtmxRequest htmx, Model model,
            RedirectAttributes redirect) {
        String success = null;
        String error = null;
        try {
            model.addAttribute("message", messages.cancel(user.companyId(), messageId));
            success = "messages.cancelled";
        }
        catch (MessageAlreadySentException tooLate) {
            model.addAttribute("message", messages.get(user.companyId(), messageId));
            error = "messages.cancel.too-late";
        }
        if (htmx.isHtmxRequest()) {
            model.addAttribute("zone", companies.get(user.companyId()).zoneId());
            model.addAttribute("cardSuccess", success);
            model.addAttribute("cardError", error);
            return "messages/detail :: card";
        }
        redirect.addFlashAttribute("success", success);
        redirect.addFlashAttribute("error", error);
        return "redirect:/messages/" + messageId;
    }
}
