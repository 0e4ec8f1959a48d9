package io.kaskad.message.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import io.kaskad.common.Formats;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendTemplates.NotificationDefaults;

/** What the send form shows of a chosen template: each channel's text in cascade order, and the variables to fill. */
record TemplatePreview(List<ChannelText> channels, Set<String> variables) {

    record ChannelText(String channel, String text) {
    }

    static TemplatePreview of(NotificationDefaults template) {
        Set<String> variables = new LinkedHashSet<>();
        List<ChannelText> channels = template.channels().entrySet().stream()
            .map(entry -> new ChannelText(entry.getKey(), textOf(entry)))
            .toList();
        for (ChannelText channel : channels) {
            Matcher placeholder = Formats.PLACEHOLDER.matcher(channel.text() == null ? "" : channel.text());
            while (placeholder.find()) {
                variables.add(placeholder.group(1));
            }
        }
        return new TemplatePreview(channels, variables);
    }

    private static String textOf(Map.Entry<String, ChannelSpec> channel) {
        ChannelSpec spec = channel.getValue();
        return spec.subject() == null ? spec.text() : spec.subject() + "\n" + spec.text();
    }
}
