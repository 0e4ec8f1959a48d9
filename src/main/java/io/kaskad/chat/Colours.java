package io.kaskad.chat;

import java.util.regex.Pattern;

/**
 * The colour notations the chat form's picker accepts: HEX ({@code #RGB}, {@code #RGBA},
 * {@code #RRGGBB}, {@code #RRGGBBAA}), {@code rgb()/rgba()} and {@code hsl()/hsla()}, with the ranges
 * CSS allows, so whatever is accepted renders the same in the widget.
 */
final class Colours {

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final String NUMBER = "(\\d{1,3}(?:\\.\\d+)?)";
    private static final String ALPHA = "(?:\\s*,\\s*(0|1|0?\\.\\d+|1\\.0+|\\d{1,3}%))?";
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + ALPHA + "\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HSL = Pattern.compile("hsla?\\(\\s*" + NUMBER + "(?:deg)?\\s*,\\s*" + NUMBER + "%\\s*,\\s*" + NUMBER + "%"
            + ALPHA + "\\s*\\)", Pattern.CASE_INSENSITIVE);

    private Colours() {
    }

    static boolean valid(String colour) {
        if (colour == null) {
            return false;
        }
        String value = colour.strip();
        if (HEX.matcher(value).matches()) {
            return true;
        }
        var rgb = RGB.matcher(value);
        if (rgb.matches()) {
            return upTo(rgb.group(1), 255) && upTo(rgb.group(2), 255) && upTo(rgb.group(3), 255) && alphaOk(rgb.group(4));
        }
        var hsl = HSL.matcher(value);
        if (hsl.matches()) {
            return upTo(hsl.group(1), 360) && upTo(hsl.group(2), 100) && upTo(hsl.group(3), 100) && alphaOk(hsl.group(4));
        }
        return false;
    }

    private static boolean upTo(String number, double max) {
        return Double.parseDouble(number) <= max;
    }

    private static boolean alphaOk(String alpha) {
        if (alpha == null) {
            return true;
        }
        return alpha.endsWith("%") ? upTo(alpha.substring(0, alpha.length() - 1), 100) : Double.parseDouble(alpha) <= 1;
    }
}
