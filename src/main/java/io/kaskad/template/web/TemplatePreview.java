package io.kaskad.template.web;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

import io.kaskad.common.Formats;
import io.kaskad.channel.SmsLength;
import io.kaskad.template.TemplateRequest;
import io.kaskad.template.TemplateVariables;
import io.kaskad.template.WhatsAppContent;

/**
 * What the editor's live preview shows: each channel's text with sample variables filled in and its
 * SMS length, the variables the template uses, and the WhatsApp message as the phone will show it.
 */
record TemplatePreview(List<ChannelText> channels, Set<String> variables, String whatsAppHeader, String whatsAppBody,
        String whatsAppFooter, List<WhatsAppContent.Button> buttons) {


    record ChannelText(String channel, String text, SmsLength sms) {
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
        String header = request.header() == null || request.header().type() != WhatsAppContent.HeaderType.TEXT ? null
                : parameters(request.header().text());
        return new TemplatePreview(texts, variables, header, parameters(request.body()), request.footer(),
                request.buttons() == null ? List.of() : request.buttons());
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
