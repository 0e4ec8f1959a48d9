package io.kaskad.template.web;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

import io.kaskad.common.Formats;
import io.kaskad.channel.SmsLength;
import io.kaskad.template.TemplateRequest;
import io.kaskad.template.TemplateType;
import io.kaskad.template.TemplateVariables;
import io.kaskad.template.WhatsAppContent;

/**
 * What the editor's live preview, the saved template and the moderator show: each channel's text with sample
 * variables filled in and its SMS length, the variables the template uses, the WhatsApp message as the phone will
 * show it with its media header and every button's URL or phone, and a mail.ru template's text per network with its
 * group, exactly what a moderator approves.
 */
record TemplatePreview(List<ChannelText> channels, Set<String> variables, String whatsAppHeader, String whatsAppBody,
        String whatsAppFooter, List<WhatsAppContent.Button> buttons, WhatsAppContent.Header whatsAppMedia, Mailru mailru) {


    record ChannelText(String channel, String text, SmsLength sms) {
    }

    /** A mail.ru template: the e-mail its decision goes to, and what VK and OK each get. */
    record Mailru(String email, List<NetworkText> networks) {
    }

    /** One network's text (its own body, else the common one) and its group; {@code channel} is VK or OK. */
    record NetworkText(String channel, String text, boolean ownBody, String groupUrl) {

        static NetworkText of(String channel, String ownBody, String commonBody, String groupUrl) {
            boolean own = ownBody != null && !ownBody.isBlank();
            return new NetworkText(channel, own ? ownBody : commonBody, own, groupUrl);
        }
    }

    /**
     * @param linksAsSent the text with its links as long as the short links they become (with {@code useShortLinks}, SMS and
     *                    Viber): the SMS length counts what the phone gets
     */
    static TemplatePreview of(TemplateRequest request, UnaryOperator<String> linksAsSent) {
        boolean shortLinks = Boolean.TRUE.equals(request.useShortLinks());
        List<ChannelText> texts = request.channels() == null ? List.of() : request.channels().entrySet().stream()
            .filter(e -> e.getValue() != null && e.getValue().text() != null)
            .map(e -> {
                String text = sample(e.getValue().text());
                boolean shortened = shortLinks && ("sms".equals(e.getKey()) || "viber".equals(e.getKey()));
                return new ChannelText(e.getKey(), text, SmsLength.of(shortened ? linksAsSent.apply(text) : text));
            })
            .toList();
        Set<String> variables = TemplateVariables.of(request.channels() == null ? new String[0]
                : request.channels().values().stream().filter(c -> c != null).map(c -> c.text()).toArray(String[]::new));
        if (request.type() == TemplateType.MAILRU) {
            return new TemplatePreview(texts, variables, null, null, null, List.of(), null, mailru(request));
        }
        if (request.type() != TemplateType.WHATSAPP) {
            return new TemplatePreview(texts, variables, null, null, null, List.of(), null, null);
        }
        boolean textHeader = request.header() != null && request.header().type() == WhatsAppContent.HeaderType.TEXT;
        WhatsAppContent.Header media = request.header() != null && !textHeader && request.header().type() != null ? request.header() : null;
        return new TemplatePreview(texts, variables, textHeader ? parameters(request.header().text()) : null, parameters(request.body()),
                request.footer(), request.buttons() == null ? List.of() : request.buttons(), media, null);
    }

    private static Mailru mailru(TemplateRequest request) {
        return new Mailru(request.email(), List.of(NetworkText.of("VK", request.vkBody(), request.body(), request.vkGroupUrl()),
                NetworkText.of("OK", request.okBody(), request.body(), request.okGroupUrl())));
    }

    /** Variables shown as their sample value, e.g. {name} → «name». */
    private static String sample(String text) {
        Matcher matcher = Formats.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("«" + matcher.group(1) + "»"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** WhatsApp parameters shown as sample values, e.g. {{1}} → [1]. */
    private static String parameters(String text) {
        return text == null ? null : Formats.WHATSAPP_PARAMETER.matcher(text).replaceAll("[$1]");
    }

}
