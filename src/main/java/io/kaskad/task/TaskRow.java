package io.kaskad.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.kaskad.chat.MessengerType;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;

/**
 * A checked row of a send task: exactly what its message needs, one record per task type. Stored as
 * JSON (Jackson, by {@link TaskType#rowType()}) between the file's check and the task's run, under the
 * names below, which are the stored rows' keys. Each row turns into the send API's message, so a task's
 * messages go through the same planning, cascade and dispatch as the API's.
 */
sealed interface TaskRow {

    /** This row's message, attached to the task {@code taskId}. */
    MessageSpec message(String taskId);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sms(String phone, String text, Boolean useShortLinks) implements TaskRow {

        @Override
        public MessageSpec message(String taskId) {
            return MessageSpec.of(channels("sms", ChannelSpec.text(text, null)), List.of(Destination.phone(phone)))
                .withTaskId(taskId)
                .withShortLinks(useShortLinks);
        }
    }

    /** Seed 000's "Рекламные сообщения": a text said into an existing chat session (or a new session of its chat). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Advertising(String chatSessionId, String text, Boolean useShortLinks, Boolean startNewSession) implements TaskRow {

        @Override
        public MessageSpec message(String taskId) {
            // the session is addressed as the chat channel's recipient
            return MessageSpec.of(channels("chat", ChannelSpec.chatInSession(text, chatSessionId, !Boolean.TRUE.equals(startNewSession))),
                    List.of(Destination.messengerUser(chatSessionId)))
                .withTaskId(taskId)
                .withShortLinks(useShortLinks);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatSessionStart(String chatId, String clientId, String text, String messengerType, String chatSessionName, String botId,
            Map<String, Object> variables) implements TaskRow {

        @Override
        public MessageSpec message(String taskId) {
            return MessageSpec.of(channels("chat", ChannelSpec.chat(text, chatId, botId, messengerType, chatSessionName, false)),
                    List.of(Destination.messengerUser(clientId).withVariables(nonEmpty(variables))))
                .withTaskId(taskId);
        }
    }

    /** A WhatsApp message (free text or an approved template) and a chat session opened for the client's reply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WhatsAppChatSession(String phone, String chatId, String text, String templateName, Map<String, Object> variables)
            implements TaskRow {

        @Override
        public MessageSpec message(String taskId) {
            LinkedHashMap<String, ChannelSpec> channels = channels("whatsapp",
                    ChannelSpec.whatsApp(text, templateName, templateName == null ? null : nonEmpty(variables)));
            // the session is opened whatever WhatsApp answers, so the client's reply finds the bot waiting
            channels.put("chat", ChannelSpec.chat(text, chatId, null, MessengerType.WHATSAPP.name(), null, true).asRequired());
            return MessageSpec.of(channels, List.of(Destination.phone(phone).withVariables(nonEmpty(variables)))).withTaskId(taskId);
        }
    }

    /** A notification template's channels, to whichever addresses the row has. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notification(String templateId, String phone, String email, String messengerUserId, String deviceId,
            Map<String, Object> variables) implements TaskRow {

        @Override
        public MessageSpec message(String taskId) {
            return MessageSpec.of(null, List.of(new Destination(phone, email, messengerUserId, deviceId, nonEmpty(variables), null)))
                .withTemplateId(templateId)
                .withTaskId(taskId);
        }
    }

    private static LinkedHashMap<String, ChannelSpec> channels(String name, ChannelSpec channel) {
        LinkedHashMap<String, ChannelSpec> channels = new LinkedHashMap<>();
        channels.put(name, channel);
        return channels;
    }

    private static Map<String, Object> nonEmpty(Map<String, Object> variables) {
        return variables == null || variables.isEmpty() ? null : variables;
    }
}
