package io.kaskad.chat;

import java.util.Map;

/**
 * The fields of the "Новый чат" form other than the name and the scenarios, stored as one JSON
 * document. Every field has a value: {@link ChatRequest} fills in the defaults.
 *
 * @param sessionLifetime            seconds of inactivity after which a session expires
 * @param busyText                   said when a dialog is handed to operators and all of them are busy
 * @param feedbackRequest            whether the client is asked to rate the dialog once it ends
 * @param feedbackPeriod             seconds after the end during which the rating is accepted
 * @param feedbackScale              2, 5 or 10 points
 * @param dialogResultRequest        whether an operator closing a dialog is asked for its result
 * @param intermediateFeedbackSeconds when set, the client is asked for a rating this long into a dialog
 * @param answerAfterFirstMessage    the bot stays silent until the client writes first
 */
public record ChatSettings(int sessionLifetime, String busyText, boolean feedbackRequest, int feedbackPeriod, int feedbackScale,
        String robotColor, String operatorColor, String userColor, String buttonColor, String buttonTextColor,
        boolean dialogResultRequest, Integer intermediateFeedbackSeconds, boolean answerAfterFirstMessage,
        Map<MessengerLink, String> messengerLinks) {

    public static final int DEFAULT_SESSION_LIFETIME = 3600;
    public static final int MAX_SESSION_LIFETIME = 12 * 3600;
    public static final int DEFAULT_FEEDBACK_PERIOD = 24 * 3600;
    public static final int DEFAULT_FEEDBACK_SCALE = 5;
    public static final String DEFAULT_ROBOT_COLOR = "#0d6efd";
    public static final String DEFAULT_OPERATOR_COLOR = "#198754";
    public static final String DEFAULT_USER_COLOR = "#e9ecef";
    public static final String DEFAULT_BUTTON_COLOR = "#0d6efd";
    public static final String DEFAULT_BUTTON_TEXT_COLOR = "#ffffff";
}
