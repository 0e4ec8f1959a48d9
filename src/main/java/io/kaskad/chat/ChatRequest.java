package io.kaskad.chat;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.kaskad.common.Strings.blankToNull;

/**
 * A chat as the API and the portal send it: the camelCase of the form's fields. Only {@code name} is
 * needed; a missing field takes its default (a chat with no scenario greets and waits for an operator).
 */
public record ChatRequest(String name, String scenarioId, Integer sessionLifetime, String offlineScenarioId, String busyText,
        Boolean feedbackRequest, Integer feedbackPeriod, Integer feedbackScale, String robotColor, String operatorColor,
        String userColor, String buttonColor, String buttonTextColor, Boolean dialogResultRequest,
        Integer intermediateFeedbackSeconds, Boolean answerAfterFirstMessage, Map<String, String> messengerLinks) {

    /** The settings with defaults for what is missing; unknown messenger keys are left to {@link ChatRules}. */
    ChatSettings settings() {
        Map<MessengerLink, String> links = new LinkedHashMap<>();
        if (messengerLinks != null) {
            for (MessengerLink link : MessengerLink.values()) {
                String value = messengerLinks.get(link.name());
                if (value != null && !value.isBlank()) {
                    links.put(link, value.strip());
                }
            }
        }
        return new ChatSettings(or(sessionLifetime, ChatSettings.DEFAULT_SESSION_LIFETIME), blankToNull(busyText),
                Boolean.TRUE.equals(feedbackRequest), or(feedbackPeriod, ChatSettings.DEFAULT_FEEDBACK_PERIOD),
                or(feedbackScale, ChatSettings.DEFAULT_FEEDBACK_SCALE), colour(robotColor, ChatSettings.DEFAULT_ROBOT_COLOR),
                colour(operatorColor, ChatSettings.DEFAULT_OPERATOR_COLOR), colour(userColor, ChatSettings.DEFAULT_USER_COLOR),
                colour(buttonColor, ChatSettings.DEFAULT_BUTTON_COLOR), colour(buttonTextColor, ChatSettings.DEFAULT_BUTTON_TEXT_COLOR),
                Boolean.TRUE.equals(dialogResultRequest), intermediateFeedbackSeconds, Boolean.TRUE.equals(answerAfterFirstMessage),
                links);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String colour(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

}
