package io.kaskad.chat;

import java.time.Instant;
import java.util.Map;

/**
 * A chat as its company sees it: the request's fields with their effective values, the names of its
 * scenarios, its Telegram bot, where its avatars and widget are, and the iframe code to embed.
 */
public record ChatView(String id, String name, String scenarioId, String scenarioName, int sessionLifetime, String offlineScenarioId,
        String offlineScenarioName, String busyText, boolean feedbackRequest, int feedbackPeriod, int feedbackScale, String robotColor,
        String operatorColor, String userColor, String buttonColor, String buttonTextColor, boolean dialogResultRequest,
        Integer intermediateFeedbackSeconds, boolean answerAfterFirstMessage, Map<MessengerLink, String> messengerLinks,
        Map<String, String> avatars, Telegram telegram, String widgetUrl, String iframeCode, Instant createdAt, Instant updatedAt) {

    /** The linked Telegram bot, or {@code linked=false}. */
    public record Telegram(boolean linked, String botName) {
    }
}
