package io.kaskad.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kaskad.channel.Channel;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.TimeRange;

/**
 * What sending needs from templates, implemented by the template module (which depends on this
 * one, not the other way round). Every method answers only from the template's approved version,
 * and throws {@link TemplateNotUsableException} when there is none.
 */
public interface SendTemplates {

    /** The approved notification template {@code templateId}: its channels in order and its defaults. */
    NotificationDefaults notification(long companyId, String templateId);

    /** The approved WhatsApp template's body with its {@code {{n}}} parameters filled from {@code templateData}. */
    String whatsAppText(long companyId, String templateName, Map<String, Object> templateData);

    /** The approved mail.ru template's text for VK or OK (the network's own body, else the common one). */
    String mailruText(long companyId, String templateName, Channel channel);

    /** The company's notification templates that have an approved version, for the portal's send form. */
    List<TemplateChoice> approvedNotifications(long companyId);

    record TemplateChoice(String id, String name) {
    }

    record NotificationDefaults(LinkedHashMap<String, ChannelSpec> channels, Integer validityPeriod, Boolean useShortLinks,
            List<TimeRange> allowedTimeRanges) {
    }
}
