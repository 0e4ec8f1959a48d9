package io.kaskad.template;

import java.util.LinkedHashMap;
import java.util.List;

import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.TimeRange;

/**
 * A template as the API and the portal send it. {@code type} says which fields apply:
 * NOTIFICATION — {@code name, channels, validityPeriod, useShortLinks, allowedTimeRanges};
 * WHATSAPP — {@code name, languageCode, namespace, header, body, footer, buttons};
 * MAILRU — {@code name, email, body, vkBody, vkGroupUrl, okBody, okGroupUrl}.
 */
public record TemplateRequest(TemplateType type, String name,
        LinkedHashMap<String, ChannelSpec> channels, Integer validityPeriod, Boolean useShortLinks, List<TimeRange> allowedTimeRanges,
        String languageCode, String namespace, WhatsAppContent.Header header, String body, String footer,
        List<WhatsAppContent.Button> buttons,
        String email, String vkBody, String vkGroupUrl, String okBody, String okGroupUrl) {

    Object content() {
        return switch (type) {
            case NOTIFICATION -> new NotificationContent(channels, validityPeriod, useShortLinks, allowedTimeRanges);
            case WHATSAPP -> new WhatsAppContent(languageCode, namespace, header, body, footer, buttons == null ? List.of() : buttons);
            case MAILRU -> new MailruContent(email, body, vkBody, vkGroupUrl, okBody, okGroupUrl);
        };
    }
}
