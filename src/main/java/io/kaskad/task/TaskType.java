package io.kaskad.task;

import java.util.List;

import io.kaskad.channel.Channel;

/**
 * The kinds of send task (seed 000, "Отправка уведомлений при помощи задания"), each with the columns
 * of its file. The advertising columns are exactly the ones seed 000 lists for "Рекламные сообщения".
 */
public enum TaskType {

    SMS(List.of(Columns.PHONE, Columns.TEXT, Columns.USE_SHORT_LINKS), List.of(Channel.SMS)),

    ADVERTISING(List.of(Columns.CHAT_SESSION_ID, Columns.TEXT, Columns.USE_SHORT_LINKS, Columns.START_NEW_SESSION, Columns.PROVIDER,
            Columns.CHANNEL), List.of(Channel.CHAT)),

    CHAT_SESSION_START(List.of(Columns.CHAT_ID, Columns.CLIENT_ID, Columns.OPENING_TEXT, Columns.MESSENGER_TYPE, Columns.SESSION_NAME,
            Columns.BOT_ID, Columns.VARIABLES), List.of(Channel.CHAT)),

    WHATSAPP_CHAT_SESSION(List.of(Columns.PHONE, Columns.CHAT_ID, Columns.WHATSAPP_TEXT, Columns.WHATSAPP_TEMPLATE, Columns.VARIABLES),
            List.of(Channel.WHATSAPP, Channel.CHAT)),

    /** Columns other than these become the template's variables, so a file can carry {name} as a column "name". */
    NOTIFICATION(List.of(Columns.TEMPLATE_ID, Columns.PHONE_OPTIONAL, Columns.EMAIL, Columns.MESSENGER_USER_ID, Columns.DEVICE_ID,
            Columns.VARIABLES), List.of());

    private final List<TaskColumn> columns;
    private final List<Channel> channels;

    TaskType(List<TaskColumn> columns, List<Channel> channels) {
        this.columns = columns;
        this.channels = channels;
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

        static final TaskColumn PHONE = TaskColumn.required("phone", "Телефон",
                "Номер телефона получателя: от 10 до 18 цифр, можно с + (пробелы, скобки и дефисы не мешают)", "79001234567");
        static final TaskColumn PHONE_OPTIONAL = TaskColumn.optional("phone", "Телефон",
                "Номер телефона для каналов sms, whatsapp, viber, vk, ok, chat", "79001234567");
        static final TaskColumn TEXT = TaskColumn.required("text", "Текст сообщения",
                "Сообщение, которое нужно отправить клиенту", "Здравствуйте! Ваш заказ готов к выдаче");
        static final TaskColumn USE_SHORT_LINKS = TaskColumn.optional("useShortLinks", "Использовать короткие ссылки",
                "Сокращать ли ссылки в тексте для уменьшения стоимости отправки: true — ссылки сокращаются, false — остаются"
                        + " в неизменном виде (по умолчанию false)", "false");
        static final TaskColumn CHAT_SESSION_ID = TaskColumn.required("chatSessionId", "Идентификатор чат-сессии",
                "Идентификатор сессии с клиентом: его можно найти в диалогах чата", "3f1c2a4e-0000-4000-8000-000000000001");
        static final TaskColumn START_NEW_SESSION = TaskColumn.optional("continueLastOrStartNewSession",
                "Продолжить последнюю сессию или начать новую",
                "true — начнётся новая сессия, с новым идентификатором чат-сессии; false — сообщение придёт в текущую чат-сессию,"
                        + " не меняя её идентификатора (по умолчанию false)", "false");
        static final TaskColumn PROVIDER = TaskColumn.optional("provider", "Провайдер",
                "Платформа, через которую происходит отправка (значение по умолчанию: TWIN)", "TWIN");
        static final TaskColumn CHANNEL = TaskColumn.optional("channel", "Канал",
                "Канал коммуникации с клиентом (значение по умолчанию: chat)", "chat");
        static final TaskColumn CHAT_ID = TaskColumn.required("chatId", "Идентификатор чата",
                "Идентификатор чата из раздела Чаты – Настройки", "9b2d7c1e-0000-4000-8000-000000000002");
        static final TaskColumn CLIENT_ID = TaskColumn.required("clientId", "Идентификатор клиента",
                "Идентификатор клиента в мессенджере или в вашей системе: по нему сессия находит клиента", "client-42");
        static final TaskColumn OPENING_TEXT = TaskColumn.optional("text", "Текст сообщения",
                "Первое сообщение сессии; без него сессию начинает бот по сценарию чата", "Здравствуйте! Ответим на ваши вопросы");
        static final TaskColumn MESSENGER_TYPE = TaskColumn.optional("messengerType", "Мессенджер",
                "Откуда клиент пишет: API, WEB, WHATSAPP, TELEGRAM, VIBER, VK, OK… (по умолчанию API)", "API");
        static final TaskColumn SESSION_NAME = TaskColumn.optional("chatSessionName", "Название чат-сессии",
                "Название, которое оператор увидит в диалогах", "Опрос после доставки");
        static final TaskColumn BOT_ID = TaskColumn.optional("botId", "Идентификатор сценария",
                "Сценарий бота вместо сценария чата (идентификатор из раздела Сценарии)", "");
        static final TaskColumn VARIABLES = TaskColumn.optional("variables", "Переменные",
                "JSON-объект переменных для подстановки в {имя} текста и для бота", "{\"name\": \"Анна\"}");
        static final TaskColumn WHATSAPP_TEXT = TaskColumn.optional("text", "Текст сообщения",
                "Текст сообщения в WhatsApp, если не указан шаблон; без шаблона WhatsApp доставит текст, только если клиент писал"
                        + " вам в последние 24 часа", "Здравствуйте, {name}! Оцените доставку");
        static final TaskColumn WHATSAPP_TEMPLATE = TaskColumn.optional("templateName", "Шаблон WhatsApp",
                "Название утверждённого шаблона WhatsApp; параметры {{1}}, {{2}} берутся из переменных \"1\", \"2\"", "");
        static final TaskColumn TEMPLATE_ID = TaskColumn.required("templateId", "Идентификатор шаблона",
                "Утверждённый шаблон уведомления из раздела Уведомления – Шаблоны: каналы и тексты берутся из него", "order-ready");
        static final TaskColumn EMAIL = TaskColumn.optional("email", "E-mail", "Адрес электронной почты для канала email",
                "client@example.com");
        static final TaskColumn MESSENGER_USER_ID = TaskColumn.optional("messengerUserId", "Идентификатор в мессенджере",
                "Идентификатор пользователя в мессенджере (telegram, vk, ok, chat)", "");
        static final TaskColumn DEVICE_ID = TaskColumn.optional("deviceId", "Идентификатор устройства",
                "Токен устройства для push-уведомлений", "");

        private Columns() {
        }
    }
}
