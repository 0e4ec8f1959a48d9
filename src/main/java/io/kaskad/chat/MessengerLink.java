package io.kaskad.chat;

/** The messengers a chat's widget may link to (seed 000, "Новый чат"), in the form's order. */
public enum MessengerLink {
    ALICE, FACEBOOK, VK, WHATSAPP, TELEGRAM, WECHAT, VIBER, SLACK, SKYPE, PHONE, OK, LINE
}
