package io.kaskad.provider;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.kaskad.common.Formats;
import io.kaskad.common.NetworkTargets;

/**
 * One setting of a connection type: what it holds, its limit, its default. The same list validates an
 * API request (field paths {@code settings.host}) and draws the portal's form.
 *
 * @param choices the allowed values of a {@link Kind#CHOICE}
 */
public record SettingField(String name, Kind kind, boolean required, int min, int max, String defaultValue, List<String> choices) {

    public enum Kind {
        TEXT, HOST, NUMBER, EMAIL, CHOICE
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");

    static SettingField text(String name, boolean required, int maxLength) {
        return new SettingField(name, Kind.TEXT, required, 0, maxLength, null, List.of());
    }

    static SettingField host(String name) {
        return new SettingField(name, Kind.HOST, true, 0, 253, null, List.of());
    }

    static SettingField number(String name, int min, int max, int defaultValue) {
        return new SettingField(name, Kind.NUMBER, false, min, max, String.valueOf(defaultValue), List.of());
    }

    static SettingField email(String name, boolean required) {
        return new SettingField(name, Kind.EMAIL, required, 0, 254, null, List.of());
    }

    static SettingField choice(String name, String defaultValue, String... choices) {
        return new SettingField(name, Kind.CHOICE, false, 0, 0, defaultValue, List.of(choices));
    }

    /**
     * Answers the message code of what is wrong with {@code value} (already stripped, null when blank),
     * with its arguments, or empty when it is fine.
     */
    Optional<Object[]> problem(String value, boolean allowPrivateNetworks) {
        if (value == null) {
            return required && defaultValue == null ? Optional.of(new Object[] { "provider.setting.required" }) : Optional.empty();
        }
        return switch (kind) {
            case TEXT -> value.length() > max ? Optional.of(new Object[] { "provider.setting.too-long", max }) : Optional.empty();
            case EMAIL -> value.length() > max || !Formats.EMAIL.matcher(value).matches()
                    ? Optional.of(new Object[] { "provider.setting.email" }) : Optional.empty();
            case CHOICE -> choices.contains(value.toUpperCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of(new Object[] { "provider.setting.choice", String.join(", ", choices) });
            case NUMBER -> number(value);
            case HOST -> host(value, allowPrivateNetworks);
        };
    }

    private Optional<Object[]> number(String value) {
        try {
            int n = Integer.parseInt(value);
            return n < min || n > max ? Optional.of(new Object[] { "provider.setting.range", min, max }) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.of(new Object[] { "provider.setting.range", min, max });
        }
    }

    private Optional<Object[]> host(String value, boolean allowPrivateNetworks) {
        if (value.length() > max || !HOST.matcher(value).matches()) {
            return Optional.of(new Object[] { "provider.setting.host" });
        }
        return NetworkTargets.checkHost(value, allowPrivateNetworks).map(refusal -> new Object[] { "provider.setting.host-private" });
    }

    /** The value stored: choices in upper case, blanks as the default. */
    String normalise(String value) {
        if (value == null) {
            return defaultValue;
        }
        return kind == Kind.CHOICE ? value.toUpperCase(Locale.ROOT) : value;
    }
}
