package io.kaskad.chat;

/**
 * The messengers a chat's widget may link to (seed 000, "Новый чат"), in the form's order, each with
 * the name, brand colour and mark ({@code /assets/chat/messengers/<icon>.svg}) of its round button
 * beside the widget's launcher.
 */
public enum MessengerLink {
    ALICE("Алиса", "#6839F7", "chat"),
    FACEBOOK("Facebook", "#0866FF", "facebook"),
    VK("VK", "#0077FF", "vk"),
    WHATSAPP("WhatsApp", "#25D366", "whatsapp"),
    TELEGRAM("Telegram", "#26A5E4", "telegram"),
    WECHAT("WeChat", "#07C160", "wechat"),
    VIBER("Viber", "#7360F2", "viber"),
    SLACK("Slack", "#4A154B", "chat"),
    SKYPE("Skype", "#00AFF0", "chat"),
    PHONE("Телефон", "#198754", "phone"),
    OK("Одноклассники", "#EE8208", "odnoklassniki"),
    LINE("LINE", "#00C300", "line");

    private final String title;
    private final String colour;
    private final String icon;

    MessengerLink(String title, String colour, String icon) {
        this.title = title;
        this.colour = colour;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public String colour() {
        return colour;
    }

    public String icon() {
        return icon;
    }

    /** Where the button leads: a phone number is dialled, anything else is opened. */
    public String href(String value) {
        return this == PHONE && !value.startsWith("http") ? "tel:" + value.replaceAll("[^0-9+]", "") : value;
    }
}
