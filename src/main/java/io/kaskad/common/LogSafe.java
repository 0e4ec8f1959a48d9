package io.kaskad.common;

/**
 * A value from outside (a user name, a provider's answer, a webhook's field) as it may go into a log line: CR, LF
 * and every other control character written as an escape ({@code \r}, {@code \n}, {@code \u0007}), so that no
 * value can end the line and forge another entry; at most {@link #MAX} characters. Every log call that carries such
 * a value passes it through {@link #of}.
 */
public final class LogSafe {

    static final int MAX = 500;

    private LogSafe() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX && out.length() >= MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
