package io.kaskad.message.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.channel.Channel;
import io.kaskad.channel.SmsLength;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.message.MessageService;
import io.kaskad.message.MessageStatus;
import io.kaskad.message.SendResult;
import io.kaskad.message.SendTemplates;

/** Send a message from the portal, to try the cascade without writing code. */
@Controller
class SendFormController {

    private final MessageService messages;
    private final CompanyService companies;
    private final MessageSource texts;
    private final ObjectProvider<SendTemplates> templates;

    SendFormController(MessageService messages, CompanyService companies, MessageSource texts, ObjectProvider<SendTemplates> templates) {
        this.templates = templates;
        this.messages = messages;
        this.companies = companies;
        this.texts = texts;
    }

    @ModelAttribute("channelChoices")
    List<String> channelChoices() {
        return Arrays.stream(Channel.values()).filter(c -> c != Channel.CHAT).map(Channel::apiName).toList();
    }

    /** The company's approved notification templates, to send by. */
    @ModelAttribute("templateChoices")
    List<SendTemplates.TemplateChoice> templateChoices(@AuthenticationPrincipal PortalUser user) {
        SendTemplates catalog = templates.getIfAvailable();
        return catalog == null || user == null ? List.of() : catalog.approvedNotifications(user.companyId());
    }

    /** The SMS length of the first SMS row as it is typed (GSM-7 160/153, UCS-2 70/67), as the template editor shows it. */
    @PostMapping("/messages/new/sms-length")
    String smsLength(@ModelAttribute("form") SendForm form, Model model) {
        model.addAttribute("sms", form.getChannels().stream()
            .filter(row -> "sms".equals(row.getChannel()) && row.getText() != null && !row.getText().isBlank())
            .findFirst()
            .map(row -> SmsLength.of(row.getText()))
            .orElse(null));
        return "messages/new :: sms-length";
    }

    /** The chosen template's channels and texts, and the variables the form must give them. */
    @GetMapping("/messages/new/template")
    String templatePreview(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String templateId, Model model) {
        SendTemplates catalog = templates.getIfAvailable();
        if (catalog != null && templateId != null && !templateId.isBlank()) {
            try {
                model.addAttribute("templatePreview", TemplatePreview.of(catalog.notification(user.companyId(), templateId.strip())));
            }
            catch (io.kaskad.message.TemplateNotUsableException unusable) {
                model.addAttribute("templateProblem", unusable.getMessage());
            }
        }
        return "messages/new :: template-preview";
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
        if (form.recipientLines().size() > SendForm.MAX_RECIPIENTS) {
            model.addAttribute("problems", List.of(texts.getMessage("messages.form.too-many-recipients",
                    new Object[] { SendForm.MAX_RECIPIENTS }, LocaleContextHolder.getLocale())));
            return "messages/new";
        }
        try {
            List<SendResult> results = messages.sendAllOrNothing(user.companyId(), zone, form.toRequest(zone));
            List<String> refused = new ArrayList<>();
            List<String> recipients = form.recipientLines();
            int offset = results.size() - recipients.size(); // the single destination's fields come first when filled
            for (int i = 0; i < results.size(); i++) {
                SendResult result = results.get(i);
                if (result.status() == MessageStatus.REJECTED) {
                    String reason = texts.getMessage(result.rejection().messageCode(), result.rejection().args(), LocaleContextHolder.getLocale());
                    refused.add(i >= offset ? recipients.get(i - offset) + ": " + reason : reason);
                }
            }
            if (!refused.isEmpty()) {
                model.addAttribute("problems", refused);
                return "messages/new";
            }
            redirect.addFlashAttribute("success", "messages.sent");
            return results.size() == 1 ? "redirect:/messages/" + results.get(0).id() : "redirect:/messages?bulkId=" + results.get(0).bulkId();
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
