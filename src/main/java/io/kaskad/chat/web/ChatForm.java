package io.kaskad.chat.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;

import io.kaskad.chat.ChatRequest;
import io.kaskad.chat.ChatView;
import io.kaskad.chat.MessengerLink;

/** The "Новый чат" form; a blank field takes the chat default, as over the API. */
public class ChatForm {

    private String name;
    private String scenarioId;
    private Integer sessionLifetime = 3600;
    private String offlineScenarioId;
    private String busyText;
    private boolean feedbackRequest;
    private Integer feedbackPeriod = 86400;
    private Integer feedbackScale = 5;
    private String robotColor = "#0d6efd";
    private String operatorColor = "#198754";
    private String userColor = "#e9ecef";
    private String buttonColor = "#0d6efd";
    private String buttonTextColor = "#ffffff";
    private boolean dialogResultRequest;
    private Integer intermediateFeedbackSeconds;
    private boolean answerAfterFirstMessage;
    private Map<String, String> links = new LinkedHashMap<>();
    private MultipartFile robotAvatar;
    private MultipartFile operatorAvatar;
    private MultipartFile chatAvatar;

    public ChatForm() {
        for (MessengerLink link : MessengerLink.values()) {
            links.put(link.name(), "");
        }
    }

    static ChatForm of(ChatView chat) {
        ChatForm form = new ChatForm();
        form.name = chat.name();
        form.scenarioId = chat.scenarioId();
        form.sessionLifetime = chat.sessionLifetime();
        form.offlineScenarioId = chat.offlineScenarioId();
        form.busyText = chat.busyText();
        form.feedbackRequest = chat.feedbackRequest();
        form.feedbackPeriod = chat.feedbackPeriod();
        form.feedbackScale = chat.feedbackScale();
        form.robotColor = chat.robotColor();
        form.operatorColor = chat.operatorColor();
        form.userColor = chat.userColor();
        form.buttonColor = chat.buttonColor();
        form.buttonTextColor = chat.buttonTextColor();
        form.dialogResultRequest = chat.dialogResultRequest();
        form.intermediateFeedbackSeconds = chat.intermediateFeedbackSeconds();
        form.answerAfterFirstMessage = chat.answerAfterFirstMessage();
        chat.messengerLinks().forEach((link, value) -> form.links.put(link.name(), value));
        return form;
    }

    ChatRequest toRequest() {
        Map<String, String> filled = new LinkedHashMap<>();
        links.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                filled.put(key, value);
            }
        });
        return new ChatRequest(name, scenarioId, sessionLifetime, offlineScenarioId, busyText, feedbackRequest, feedbackPeriod, feedbackScale,
                robotColor, operatorColor, userColor, buttonColor, buttonTextColor, dialogResultRequest, intermediateFeedbackSeconds,
                answerAfterFirstMessage, filled);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getScenarioId() { return scenarioId; }
    public void setScenarioId(String scenarioId) { this.scenarioId = scenarioId; }
    public Integer getSessionLifetime() { return sessionLifetime; }
    public void setSessionLifetime(Integer sessionLifetime) { this.sessionLifetime = sessionLifetime; }
    public String getOfflineScenarioId() { return offlineScenarioId; }
    public void setOfflineScenarioId(String offlineScenarioId) { this.offlineScenarioId = offlineScenarioId; }
    public String getBusyText() { return busyText; }
    public void setBusyText(String busyText) { this.busyText = busyText; }
    public boolean isFeedbackRequest() { return feedbackRequest; }
    public void setFeedbackRequest(boolean feedbackRequest) { this.feedbackRequest = feedbackRequest; }
    public Integer getFeedbackPeriod() { return feedbackPeriod; }
    public void setFeedbackPeriod(Integer feedbackPeriod) { this.feedbackPeriod = feedbackPeriod; }
    public Integer getFeedbackScale() { return feedbackScale; }
    public void setFeedbackScale(Integer feedbackScale) { this.feedbackScale = feedbackScale; }
    public String getRobotColor() { return robotColor; }
    public void setRobotColor(String robotColor) { this.robotColor = robotColor; }
    public String getOperatorColor() { return operatorColor; }
    public void setOperatorColor(String operatorColor) { this.operatorColor = operatorColor; }
    public String getUserColor() { return userColor; }
    public void setUserColor(String userColor) { this.userColor = userColor; }
    public String getButtonColor() { return buttonColor; }
    public void setButtonColor(String buttonColor) { this.buttonColor = buttonColor; }
    public String getButtonTextColor() { return buttonTextColor; }
    public void setButtonTextColor(String buttonTextColor) { this.buttonTextColor = buttonTextColor; }
    public boolean isDialogResultRequest() { return dialogResultRequest; }
    public void setDialogResultRequest(boolean dialogResultRequest) { this.dialogResultRequest = dialogResultRequest; }
    public Integer getIntermediateFeedbackSeconds() { return intermediateFeedbackSeconds; }
    public void setIntermediateFeedbackSeconds(Integer intermediateFeedbackSeconds) { this.intermediateFeedbackSeconds = intermediateFeedbackSeconds; }
    public boolean isAnswerAfterFirstMessage() { return answerAfterFirstMessage; }
    public void setAnswerAfterFirstMessage(boolean answerAfterFirstMessage) { this.answerAfterFirstMessage = answerAfterFirstMessage; }
    public Map<String, String> getLinks() { return links; }
    public void setLinks(Map<String, String> links) { this.links = links; }
    public MultipartFile getRobotAvatar() { return robotAvatar; }
    public void setRobotAvatar(MultipartFile robotAvatar) { this.robotAvatar = robotAvatar; }
    public MultipartFile getOperatorAvatar() { return operatorAvatar; }
    public void setOperatorAvatar(MultipartFile operatorAvatar) { this.operatorAvatar = operatorAvatar; }
    public MultipartFile getChatAvatar() { return chatAvatar; }
    public void setChatAvatar(MultipartFile chatAvatar) { this.chatAvatar = chatAvatar; }
}
