package io.kaskad.common;

import java.util.regex.Pattern;

/** The formats Kaskad checks in more than one place: one rule each, so the API, files, templates and chats agree. */
public final class Formats {

    /** A phone: 10 to 18 digits with an optional leading + (seed 001), after {@code Addresses.normalizePhone}. */
    public static final Pattern PHONE = Pattern.compile("\\+?\\d{10,18}");

    /** An e-mail address: something, @, a domain with a dot; the mail server has the last word. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A {@code {name}} placeholder of a message text; group 1 is the variable's name. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    /** A WhatsApp template's {@code {{1}}} parameter; group 1 is its number. */
    public static final Pattern WHATSAPP_PARAMETER = Pattern.compile("\\{\\{(\\d+)}}");

    private Formats() {
    }
}
