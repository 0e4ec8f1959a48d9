package io.kaskad.message.web;

import java.time.ZoneId;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.channel.Channel;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.message.MessageService;
import io.kaskad.message.MessageStatus;
import io.kaskad.message.SendResult;

/** Send a message from the portal, to try the cascade without writing code. */
@Controller
class SendFormController {

    private final MessageService messages;
    private final CompanyService companies;
    private final MessageSource texts;

    SendFormController(MessageService messages, CompanyService companies, MessageSource texts) {
        this.messages = messages;
        this.companies = companies;
        this.texts = texts;
    }

    @ModelAttribute("channelChoices")
    List<String> channelChoices() {
        return java.util.Arrays.stream(Channel.values()).filter(c -> c != Channel.CHAT).map(Channel::apiName).toList();
    }

    @GetMapping("/messages/new")
    String form(Model model) {
        model.addAttribute("form", SendForm.blank());
        return "messages/new";
    }

    @PostMapping("/messages/new")
    String send(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") SendForm form, Model model,
            RedirectAttributes redirect) {
        ZoneId zone = companies.get(user.companyId()).zoneId();
        try {
            SendResult result = messages.sendAllOrNothing(user.companyId(), zone, form.toRequest(zone)).get(0);
            if (result.status() == MessageStatus.REJECTED) {
                model.addAttribute("problems", List.of(texts.getMessage(result.rejection().messageCode(),
                        result.rejection().args(), LocaleContextHolder.getLocale())));
                return "messages/new";
            }
            redirect.addFlashAttribute("success", "messages.sent");
            return "redirect:/messages/" + result.id();
        }
        catch (io.kaskad.message.TemplateNotUsableException unusable) {
            model.addAttribute("problems", List.of(unusable.getMessage()));
            return "messages/new";
        }
        catch (InvalidRequestException invalid) {
            model.addAttribute("problems", invalid.problems().stream()
                .map(p -> texts.getMessage(p.messageCode(), p.args(), LocaleContextHolder.getLocale()))
                .toList());
            return "messages/new";
        }
    }
}
