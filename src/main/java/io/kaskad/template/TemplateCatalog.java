package io.kaskad.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.springframework.stereotype.Component;

import io.kaskad.common.Formats;
import io.kaskad.channel.Channel;
import io.kaskad.message.SendTemplates;
import io.kaskad.message.TemplateNotUsableException;
import io.kaskad.message.TemplateParameterException;

/** Answers the send path from approved template versions only. */
@Component
class TemplateCatalog implements SendTemplates {


    private final TemplateService templates;

    TemplateCatalog(TemplateService templates) {
        this.templates = templates;
    }

    @Override
    public List<TemplateChoice> approvedNotifications(long companyId) {
        return templates.list(companyId, TemplateType.NOTIFICATION).stream()
            .filter(template -> template.approvedVersion() != null)
            .map(template -> new TemplateChoice(template.id(), template.name()))
            .toList();
    }

    /** {@code templateId} is the template's id or its exact name, as people write it in a task file. */
    @Override
    public NotificationDefaults notification(long companyId, String templateId) {
        Template template = templates.findById(companyId, templateId)
            .filter(t -> t.type() == TemplateType.NOTIFICATION)
            .or(() -> templates.findByName(companyId, TemplateType.NOTIFICATION, templateId))
            .orElseThrow(() -> new TemplateNotUsableException("templateId", templateId, null));
        NotificationContent content = templates.content(approved(template, "templateId", templateId), NotificationContent.class);
        return new NotificationDefaults(content.channels(), content.validityPeriod(), content.useShortLinks(),
                content.allowedTimeRanges());
    }

    @Override
    public String whatsAppText(long companyId, String templateName, Map<String, Object> templateData) {
        Template template = templates.findByName(companyId, TemplateType.WHATSAPP, templateName)
            .orElseThrow(() -> new TemplateNotUsableException("templateName", templateName, null));
        WhatsAppContent content = templates.content(approved(template, "templateName", templateName), WhatsAppContent.class);
        List<String> missing = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (content.header() != null && content.header().type() == WhatsAppContent.HeaderType.TEXT) {
            text.append('*').append(fill(content.header().text(), templateData, missing)).append("*\n");
        }
        text.append(fill(content.body(), templateData, missing));
        if (content.footer() != null && !content.footer().isBlank()) {
            text.append('\n').append(content.footer());
        }
        if (!missing.isEmpty()) {
            throw new TemplateParameterException(missing.stream().distinct().toList());
        }
        return text.toString();
    }

    @Override
    public String mailruText(long companyId, String templateName, Channel channel) {
        Template template = templates.findByName(companyId, TemplateType.MAILRU, templateName)
            .orElseThrow(() -> new TemplateNotUsableException("templateName", templateName, null));
        MailruContent content = templates.content(approved(template, "templateName", templateName), MailruContent.class);
        return channel == Channel.OK ? content.okText() : content.vkText();
    }

    private static TemplateVersion approved(Template template, String field, String reference) {
        return template.approved()
            .orElseThrow(() -> new TemplateNotUsableException(field, reference, template.latest().state().name()));
    }

    /** Fills {@code {{n}}} from {@code templateData["n"]}, collecting the numbers it lacks. */
    private static String fill(String text, Map<String, Object> data, List<String> missing) {
        Matcher matcher = Formats.WHATSAPP_PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = data == null ? null : data.get(matcher.group(1));
            if (value == null) {
                missing.add(matcher.group(1));
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            }
            else {
                matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
            }
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
