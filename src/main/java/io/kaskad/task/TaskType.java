package io.kaskad.task;

import java.util.List;

import io.kaskad.channel.Channel;

/**
 * The kinds of send task (seed 000, "Отправка уведомлений при помощи задания"), each with the columns
 * of its file. The advertising columns are exactly the ones seed 000 lists for "Рекламные сообщения".
 */
public enum TaskType {

    SMS(List.of(Columns.PHONE, Columns.TEXT, Columns.USE_SHORT_LINKS), List.of(Channel.SMS), TaskRow.Sms.class),

    ADVERTISING(List.of(Columns.CHAT_SESSION_ID, Columns.TEXT, Columns.USE_SHORT_LINKS, Columns.START_NEW_SESSION, Columns.PROVIDER,
            Columns.CHANNEL), List.of(Channel.CHAT), TaskRow.Advertising.class),

    CHAT_SESSION_START(List.of(Columns.CHAT_ID, Columns.CLIENT_ID, Columns.OPENING_TEXT, Columns.MESSENGER_TYPE, Columns.SESSION_NAME,
            Columns.BOT_ID, Columns.VARIABLES), List.of(Channel.CHAT), TaskRow.ChatSessionStart.class),

    WHATSAPP_CHAT_SESSION(List.of(Columns.PHONE, Columns.CHAT_ID, Columns.WHATSAPP_TEXT, Columns.WHATSAPP_TEMPLATE, Columns.VARIABLES),
            List.of(Channel.WHATSAPP, Channel.CHAT), TaskRow.WhatsAppChatSession.class),

    /** Columns other than these become the template's variables, so a file can carry {name} as a column "name". */
    NOTIFICATION(List.of(Columns.TEMPLATE_ID, Columns.PHONE_OPTIONAL, Columns.EMAIL, Columns.MESSENGER_USER_ID, Columns.DEVICE_ID,
            Columns.VARIABLES), List.of(), TaskRow.Notification.class);

    private final List<TaskColumn> columns;
    private final List<Channel> channels;
    private final Class<? extends TaskRow> rowType;

    TaskType(List<TaskColumn> columns, List<Channel> channels, Class<? extends TaskRow> rowType) {
        this.columns = columns;
        this.channels = channels;
        this.rowType = rowType;
    }

    /** The record a checked row of this type is, stored as JSON and read back as it. */
    Class<? extends TaskRow> rowType() {
        return rowType;
    }

    public List<TaskColumn> columns() {
        return columns;
    }

    /** The channels every row goes over; a notification's come from its template. */
    List<Channel> channels() {
        return channels;
    }

    /** Whether a column the type does not know is one of the row's variables rather than ignored. */
    boolean takesExtraColumnsAsVariables() {
        return this == NOTIFICATION;
    }

    /** The message key of the type's name in the portal. */
    public String messageKey() {
        return "task.type." + name();
    }

    static final class Columns {

        static final TaskColumn PHONE = TaskColumn.required("phone", "Телефон", "task.column.phone", "79001234567");
        static final TaskColumn PHONE_OPTIONAL = TaskColumn.optional("phone", "Телефон", "task.column.phone-optional", "79001234567");
        static final TaskColumn TEXT = TaskColumn.required("text", "Текст сообщения", "task.column.text", "Здравствуйте! Ваш заказ готов к выдаче");
        static final TaskColumn USE_SHORT_LINKS = TaskColumn.optional("useShortLinks", "Использовать короткие ссылки", "task.column.use-short-links", "false");
        static final TaskColumn CHAT_SESSION_ID = TaskColumn.required("chatSessionId", "Идентификатор чат-сессии", "task.column.chat-session-id", "3f1c2a4e-0000-4000-8000-000000000001");
        static final TaskColumn START_NEW_SESSION = TaskColumn.optional("continueLastOrStartNewSession", "Продолжить последнюю сессию или начать новую", "task.column.start-new-session", "false");
        static final TaskColumn PROVIDER = TaskColumn.optional("provider", "Провайдер", "task.column.provider", "TWIN");
        static final TaskColumn CHANNEL = TaskColumn.optional("channel", "Канал", "task.column.channel", "chat");
        static final TaskColumn CHAT_ID = TaskColumn.required("chatId", "Идентификатор чата", "task.column.chat-id", "9b2d7c1e-0000-4000-8000-000000000002");
        static final TaskColumn CLIENT_ID = TaskColumn.required("clientId", "Идентификатор клиента", "task.column.client-id", "client-42");
        static final TaskColumn OPENING_TEXT = TaskColumn.optional("text", "Текст сообщения", "task.column.opening-text", "Здравствуйте! Ответим на ваши вопросы");
        static final TaskColumn MESSENGER_TYPE = TaskColumn.optional("messengerType", "Мессенджер", "task.column.messenger-type", "API");
        static final TaskColumn SESSION_NAME = TaskColumn.optional("chatSessionName", "Название чат-сессии", "task.column.session-name", "Опрос после доставки");
        static final TaskColumn BOT_ID = TaskColumn.optional("botId", "Идентификатор сценария", "task.column.bot-id", "");
        static final TaskColumn VARIABLES = TaskColumn.optional("variables", "Переменные", "task.column.variables", "{\"name\": \"Анна\"}");
        static final TaskColumn WHATSAPP_TEXT = TaskColumn.optional("text", "Текст сообщения", "task.column.whatsapp-text", "Здравствуйте, {name}! Оцените доставку");
        static final TaskColumn WHATSAPP_TEMPLATE = TaskColumn.optional("templateName", "Шаблон WhatsApp", "task.column.whatsapp-template", "");
        static final TaskColumn TEMPLATE_ID = TaskColumn.required("templateId", "Идентификатор шаблона", "task.column.template-id", "order-ready");
        static final TaskColumn EMAIL = TaskColumn.optional("email", "E-mail", "task.column.email", "client@example.com");
        static final TaskColumn MESSENGER_USER_ID = TaskColumn.optional("messengerUserId", "Идентификатор в мессенджере", "task.column.messenger-user-id", "");
        static final TaskColumn DEVICE_ID = TaskColumn.optional("deviceId", "Идентификатор устройства", "task.column.device-id", "");

        private Columns() {
        }
    }
}
