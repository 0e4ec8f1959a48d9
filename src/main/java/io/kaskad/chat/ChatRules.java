package io.kaskad.chat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.kaskad.common.InvalidRequestException.Problem;

/** What a chat's settings must satisfy, with one problem per field at fault. */
final class ChatRules {

    static final int NAME_MAX = 200;
    static final int BUSY_TEXT_MAX = 1000;
    static final int LINK_MAX = 500;
    static final int MAX_FEEDBACK_PERIOD = 30 * 24 * 3600;
    static final int MAX_INTERMEDIATE_FEEDBACK = 24 * 3600;
    static final Set<Integer> SCALES = Set.of(2, 5, 10);

    private static final Pattern LINK = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):\\S+");
    /**
     * The schemes a widget's messenger link may have: the web, a phone, and the apps of the seed's list.
     * Anything else ({@code javascript:}, {@code data:}…) would run in the visitor's browser from the widget.
     */
    static final Set<String> LINK_SCHEMES = Set.of("https", "http", "tel", "tg", "whatsapp", "viber", "skype", "slack", "weixin",
            "line", "fb-messenger", "vk");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,19}");

    private ChatRules() {
    }

    private static boolean isLink(String value) {
        java.util.regex.Matcher link = LINK.matcher(value);
        return link.matches() && LINK_SCHEMES.contains(link.group(1).toLowerCase(java.util.Locale.ROOT));
    }

    static void check(ChatRequest request, List<Problem> problems) {
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new Problem("name", "chat.name.required"));
        }
        else if (request.name().strip().length() > NAME_MAX) {
            problems.add(new Problem("name", "template.too-long", NAME_MAX));
        }
        ChatSettings settings = request.settings();
        if (settings.sessionLifetime() < 60 || settings.sessionLifetime() > ChatSettings.MAX_SESSION_LIFETIME) {
            problems.add(new Problem("sessionLifetime", "chat.session-lifetime.range", 60, ChatSettings.MAX_SESSION_LIFETIME));
        }
        if (settings.busyText() != null && settings.busyText().length() > BUSY_TEXT_MAX) {
            problems.add(new Problem("busyText", "template.too-long", BUSY_TEXT_MAX));
        }
        if (settings.feedbackPeriod() < 60 || settings.feedbackPeriod() > MAX_FEEDBACK_PERIOD) {
            problems.add(new Problem("feedbackPeriod", "chat.feedback-period.range", 60, MAX_FEEDBACK_PERIOD));
        }
        if (!SCALES.contains(settings.feedbackScale())) {
            problems.add(new Problem("feedbackScale", "chat.feedback-scale"));
        }
        Integer intermediate = settings.intermediateFeedbackSeconds();
        if (intermediate != null && (intermediate < 10 || intermediate > MAX_INTERMEDIATE_FEEDBACK)) {
            problems.add(new Problem("intermediateFeedbackSeconds", "chat.intermediate-feedback.range", 10, MAX_INTERMEDIATE_FEEDBACK));
        }
        colour("robotColor", settings.robotColor(), problems);
        colour("operatorColor", settings.operatorColor(), problems);
        colour("userColor", settings.userColor(), problems);
        colour("buttonColor", settings.buttonColor(), problems);
        colour("buttonTextColor", settings.buttonTextColor(), problems);
        links(request.messengerLinks(), problems);
    }

    private static void colour(String field, String value, List<Problem> problems) {
        if (!Colours.valid(value)) {
            problems.add(new Problem(field, "chat.colour.invalid", value));
        }
    }

    private static void links(Map<String, String> links, List<Problem> problems) {
        if (links == null) {
            return;
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            String field = "messengerLinks." + link.getKey();
            MessengerLink messenger;
            try {
                messenger = MessengerLink.valueOf(link.getKey());
            }
            catch (IllegalArgumentException unknown) {
                problems.add(new Problem(field, "chat.link.unknown", link.getKey()));
                continue;
            }
            String value = link.getValue() == null ? "" : link.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            boolean ok = value.length() <= LINK_MAX
                    && (messenger == MessengerLink.PHONE ? PHONE.matcher(value).matches() || isLink(value) : isLink(value));
            if (!ok) {
                problems.add(new Problem(field, messenger == MessengerLink.PHONE ? "chat.link.phone" : "chat.link.invalid"));
            }
        }
    }
}
