package io.kaskad.template;

/** The three kinds of template. */
public enum TemplateType {
    NOTIFICATION, WHATSAPP, MAILRU
}
