package io.kaskad.task;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checked row as stored and as its message: rows stored before the rows had types (JSON objects with
 * these keys, nulls left out) are read back by each type's record, and become the messages they always did.
 */
class TaskRowTests {

    private static final String TASK = "task-1";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anSmsRowIsAnSmsToItsPhone() {
        MessageSpec message = read(TaskType.SMS, "{\"phone\":\"79001234567\",\"text\":\"Заказ готов\",\"useShortLinks\":true}");
        assertThat(message.channels()).containsOnlyKeys("sms");
        assertThat(message.channels().get("sms")).isEqualTo(ChannelSpec.text("Заказ готов", null));
        assertThat(message.destinations()).containsExactly(new Destination("79001234567", null, null, null, null, null));
        assertThat(message.taskId()).isEqualTo(TASK);
        assertThat(message.useShortLinks()).isTrue();
    }

    @Test
    void anAdvertisingRowContinuesTheSessionUnlessTheFileAsksForANewOne() {
        MessageSpec continued = read(TaskType.ADVERTISING, "{\"chatSessionId\":\"s-1\",\"text\":\"Скидка\"}");
        ChannelSpec chat = continued.channels().get("chat");
        assertThat(chat.chatSessionId()).isEqualTo("s-1");
        assertThat(chat.provider()).isEqualTo("TWIN");
        assertThat(chat.continueLastOrStartNewSession()).as("continue the current session").isTrue();
        assertThat(continued.destinations().get(0).messengerUserId()).isEqualTo("s-1");

        MessageSpec fresh = read(TaskType.ADVERTISING, "{\"chatSessionId\":\"s-1\",\"text\":\"Скидка\",\"startNewSession\":true}");
        assertThat(fresh.channels().get("chat").continueLastOrStartNewSession()).isFalse();
    }

    @Test
    void aChatSessionStartRowStartsANewSessionForItsClient() {
        MessageSpec message = read(TaskType.CHAT_SESSION_START, """
                {"chatId":"c-1","clientId":"client-42","text":"Здравствуйте","messengerType":"API","chatSessionName":"Опрос",
                 "botId":"b-1","variables":{"name":"Анна"}}""");
        assertThat(message.channels().get("chat")).isEqualTo(ChannelSpec.chat("Здравствуйте", "c-1", "b-1", "API", "Опрос", false));
        assertThat(message.destinations()).containsExactly(new Destination(null, null, "client-42", null, Map.of("name", "Анна"), null));
    }

    @Test
    void aWhatsAppRowSendsTheTemplateAndAlwaysOpensTheChatSession() {
        MessageSpec message = read(TaskType.WHATSAPP_CHAT_SESSION, """
                {"phone":"79001234567","chatId":"c-1","templateName":"delivery","variables":{"name":"Анна"}}""");
        assertThat(message.channels()).containsOnlyKeys("whatsapp", "chat");
        assertThat(message.channels().get("whatsapp")).isEqualTo(ChannelSpec.whatsApp(null, "delivery", Map.of("name", "Анна")));
        ChannelSpec chat = message.channels().get("chat");
        assertThat(chat.required()).isTrue();
        assertThat(chat.messengerType()).isEqualTo("WHATSAPP");
        assertThat(chat.continueLastOrStartNewSession()).isTrue();

        MessageSpec freeText = read(TaskType.WHATSAPP_CHAT_SESSION, "{\"phone\":\"79001234567\",\"chatId\":\"c-1\",\"text\":\"Привет\"}");
        assertThat(freeText.channels().get("whatsapp").templateData()).isNull();
        assertThat(freeText.destinations().get(0).variables()).as("no variables: none passed on").isNull();
    }

    @Test
    void aNotificationRowTakesItsTemplatesChannels() {
        MessageSpec message = read(TaskType.NOTIFICATION, "{\"templateId\":\"order-ready\",\"email\":\"a@example.com\",\"variables\":{}}");
        assertThat(message.channels()).isNull();
        assertThat(message.templateId()).isEqualTo("order-ready");
        assertThat(message.destinations()).containsExactly(new Destination(null, "a@example.com", null, null, null, null));
    }

    @Test
    void aRowIsStoredWithoutItsEmptyFieldsAndReadBackAsItself() {
        TaskRow row = new TaskRow.Advertising("s-1", "Скидка", null, true);
        String stored = json.writeValueAsString(row);
        assertThat(stored).isEqualTo("{\"chatSessionId\":\"s-1\",\"text\":\"Скидка\",\"startNewSession\":true}");
        assertThat(json.readValue(stored, TaskType.ADVERTISING.rowType())).isEqualTo(row);
    }

    private MessageSpec read(TaskType type, String stored) {
        return json.readValue(stored, type.rowType()).message(TASK);
    }
}
