package io.kaskad.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kaskad.channel.Channel;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.MessageSpec;

/** One message spec with its templates applied (see {@link SendPlanner}). */
final class TemplatedMessage {

    private TemplatedMessage() {
    }

    static MessageSpec apply(long companyId, String path, MessageSpec spec, SendTemplates catalog, List<Problem> problems) {
        LinkedHashMap<String, ChannelSpec> channels = new LinkedHashMap<>();
        Integer validity = spec.validityPeriod();
        Boolean shortLinks = spec.useShortLinks();
        var ranges = spec.allowedTimeRanges();
        if (spec.templateId() != null && !spec.templateId().isBlank()) {
            SendTemplates.NotificationDefaults defaults = catalog.notification(companyId, spec.templateId());
            channels.putAll(defaults.channels());
            validity = validity != null ? validity : defaults.validityPeriod();
            shortLinks = shortLinks != null ? shortLinks : defaults.useShortLinks();
            ranges = ranges != null ? ranges : defaults.allowedTimeRanges();
        }
        if (spec.channels() != null) {
            spec.channels().forEach((name, given) -> channels.merge(name, given == null ? NotificationRules.EMPTY : given,
                    TemplatedMessage::overlay));
        }
        for (Map.Entry<String, ChannelSpec> entry : channels.entrySet()) {
            ChannelSpec channel = entry.getValue();
            if (channel == null || channel.templateName() == null || channel.templateName().isBlank()) {
                continue;
            }
            String channelPath = path + ".channels." + entry.getKey();
            switch (entry.getKey()) {
                case "whatsapp" -> {
                    try {
                        entry.setValue(channel.withText(catalog.whatsAppText(companyId, channel.templateName(), channel.templateData())));
                    }
                    catch (TemplateParameterException missing) {
                        problems.add(new Problem(channelPath + ".templateData", "message.template.parameters",
                                String.join(", ", missing.missing())));
                    }
                }
                case "vk", "ok" -> {
                    if (spec.channels() != null && spec.channels().get(entry.getKey()) != null
                            && spec.channels().get(entry.getKey()).text() != null) {
                        problems.add(new Problem(channelPath + ".text", "message.template.mailru.text"));
                    }
                    entry.setValue(channel.withText(catalog.mailruText(companyId, channel.templateName(),
                            Channel.fromApiName(entry.getKey()))));
                }
                default -> {
                    // other channels have no templates of their own; templateName is passed on to the provider
                }
            }
        }
        return new MessageSpec(channels, spec.destinations(), spec.templateId(), spec.groupId(), spec.taskId(), shortLinks, ranges,
                spec.sendAt(), validity, spec.callbackUrl(), spec.callbackData(), spec.imageUrl(), spec.buttonUrl(), spec.buttonText());
    }

    /** The request's channel over the template's: every field the request sets wins. */
    private static ChannelSpec overlay(ChannelSpec template, ChannelSpec request) {
        return new ChannelSpec(pick(request.text(), template.text()), pick(request.required(), template.required()),
                pick(request.from(), template.from()), pick(request.templateName(), template.templateName()),
                pick(request.templateData(), template.templateData()), pick(request.attachments(), template.attachments()),
                pick(request.chatId(), template.chatId()), pick(request.botId(), template.botId()),
                pick(request.messengerType(), template.messengerType()), pick(request.chatSessionName(), template.chatSessionName()),
                pick(request.provider(), template.provider()),
                pick(request.continueLastOrStartNewSession(), template.continueLastOrStartNewSession()),
                pick(request.subject(), template.subject()), pick(request.title(), template.title()),
                pick(request.chatSessionId(), template.chatSessionId()), pick(request.html(), template.html()));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
