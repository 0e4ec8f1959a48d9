package io.kaskad.chat;

/** Where a session's client writes from: the web widget, a messenger, or a client system over the API. */
public enum MessengerType {
    WEB, API, WHATSAPP, TELEGRAM, VIBER, VK, OK, FACEBOOK, INSTAGRAM, ALICE, WECHAT, SLACK, SKYPE, LINE, SMS
}
