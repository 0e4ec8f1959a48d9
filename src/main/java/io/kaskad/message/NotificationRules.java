package io.kaskad.message;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.kaskad.channel.Channel;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.TimeRange;

/**
 * The rules a notification's channels and windows follow, shared by the send API and notification
 * templates, so a template is checked exactly as the message it will become.
 */
public final class NotificationRules {

    static final ChannelSpec EMPTY = ChannelSpec.text(null, null);
    private static final Pattern VK_ATTACHMENT = Pattern.compile("(photo|video|audio|doc|wall|market|poll)-?\\d+_\\d+");
    private static final int MAX_VK_ATTACHMENTS = 10;

    private NotificationRules() {
    }

    /** Adds a problem for each unknown channel or channel parameter that breaks a rule. */
    public static void checkChannels(String path, Map<String, ChannelSpec> channels, List<Problem> problems) {
        for (Map.Entry<String, ChannelSpec> entry : channels.entrySet()) {
            String channelPath = join(path, "channels." + entry.getKey());
            Channel channel;
            try {
                channel = Channel.fromApiName(entry.getKey());
            }
            catch (IllegalArgumentException unknown) {
                problems.add(new Problem(channelPath, "message.channel.unknown", entry.getKey()));
                continue;
            }
            checkChannel(channel, entry.getValue() == null ? EMPTY : entry.getValue(), channelPath, problems);
        }
    }

    public static void checkTimeRanges(String path, List<TimeRange> ranges, List<Problem> problems) {
        if (ranges == null) {
            return;
        }
        for (int r = 0; r < ranges.size(); r++) {
            TimeRange range = ranges.get(r);
            try {
                TimeWindows.window(range.from(), range.to());
            }
            catch (IllegalArgumentException invalid) {
                problems.add(new Problem(join(path, "allowedTimeRanges[" + r + "]"), "message.time-range.invalid", invalid.getMessage()));
            }
        }
    }

    /** {@code messages[0]} + {@code channels.sms} → {@code messages[0].channels.sms}; a template has no prefix. */
    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static void checkChannel(Channel channel, ChannelSpec spec, String path, List<Problem> problems) {
        boolean hasText = spec.text() != null && !spec.text().isBlank();
        boolean hasTemplate = spec.templateName() != null && !spec.templateName().isBlank();
        switch (channel) {
            case CHAT -> {
                boolean toSession = spec.chatSessionId() != null && !spec.chatSessionId().isBlank();
                if (!toSession && (spec.chatId() == null || spec.chatId().isBlank())) {
                    problems.add(new Problem(path + ".chatId", "message.chat.chatId.required"));
                }
            }
            case WHATSAPP, VK, OK -> {
                if (!hasText && !hasTemplate) {
                    problems.add(new Problem(path + ".text", "message.text.or-template.required"));
                }
            }
            default -> {
                if (!hasText) {
                    problems.add(new Problem(path + ".text", "message.text.required"));
                }
            }
        }
        if (spec.attachments() != null && spec.attachments().size() > MAX_VK_ATTACHMENTS) {
            // every channel: the parameters are stored with the attempt, so no list is unbounded
            problems.add(new Problem(path + ".attachments", "message.vk.attachments.too-many", MAX_VK_ATTACHMENTS));
        }
        if (spec.attachments() != null && channel == Channel.VK && spec.attachments().size() <= MAX_VK_ATTACHMENTS) {
            for (int a = 0; a < spec.attachments().size(); a++) {
                String attachment = spec.attachments().get(a);
                if (attachment == null || !VK_ATTACHMENT.matcher(attachment).matches()) {
                    problems.add(new Problem(path + ".attachments[" + a + "]", "message.vk.attachment.format", attachment));
                }
            }
        }
    }
}
