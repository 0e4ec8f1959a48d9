package io.kaskad.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;

/**
 * Turns a stored row into the send API's message, so a task's messages go through exactly the same
 * planning, cascade and dispatch as the API's, attached to the task by its id.
 */
final class TaskMessages {

    private TaskMessages() {
    }

    static MessageSpec spec(SendTask task, Map<String, Object> row) {
        LinkedHashMap<String, ChannelSpec> channels = new LinkedHashMap<>();
        Destination destination;
        switch (task.type()) {
            case SMS -> {
                channels.put("sms", channel(string(row, "text")));
                destination = new Destination(string(row, "phone"), null, null, null, null, null);
            }
            case ADVERTISING -> {
                // the file says whether to start a new session; the chat channel asks whether to continue the current one
                boolean startNew = Boolean.TRUE.equals(row.get("startNewSession"));
                channels.put("chat", new ChannelSpec(string(row, "text"), null, null, null, null, null, null, null, null, null, "TWIN",
                        !startNew, null, null, string(row, "chatSessionId"), null));
                destination = new Destination(null, null, string(row, "chatSessionId"), null, null, null);
            }
            case CHAT_SESSION_START -> {
                channels.put("chat", new ChannelSpec(string(row, "text"), null, null, null, null, null, string(row, "chatId"),
                        string(row, "botId"), string(row, "messengerType"), string(row, "chatSessionName"), "TWIN", false, null, null,
                        null, null));
                destination = new Destination(null, null, string(row, "clientId"), null, variables(row), null);
            }
            case WHATSAPP_CHAT_SESSION -> {
                Map<String, Object> variables = variables(row);
                channels.put("whatsapp", new ChannelSpec(string(row, "text"), null, null, string(row, "templateName"),
                        string(row, "templateName") == null ? null : variables, null, null, null, null, null, null, null, null, null,
                        null, null));
                // the session is opened whatever WhatsApp answers, so the client's reply finds the bot waiting
                channels.put("chat", new ChannelSpec(string(row, "text"), true, null, null, null, null, string(row, "chatId"), null,
                        "WHATSAPP", null, "TWIN", true, null, null, null, null));
                destination = new Destination(string(row, "phone"), null, null, null, variables, null);
            }
            case NOTIFICATION -> {
                channels = null;
                destination = new Destination(string(row, "phone"), string(row, "email"), string(row, "messengerUserId"),
                        string(row, "deviceId"), variables(row), null);
            }
            default -> throw new IllegalStateException(task.type().name());
        }
        return new MessageSpec(channels, List.of(destination), string(row, "templateId"), null, task.publicId(),
                (Boolean) row.get("useShortLinks"), null, null, null, null, null, null, null, null);
    }

    private static ChannelSpec channel(String text) {
        return ChannelSpec.text(text, null);
    }

    private static String string(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> row) {
        Object variables = row.get("variables");
        return variables instanceof Map<?, ?> map && !map.isEmpty() ? (Map<String, Object>) map : null;
    }
}
