package io.kaskad.provider;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kaskad.channel.Channel;

/**
 * The kinds of connection a company can make, each for one channel, with its settings and the names
 * of its secrets. Later provider types (WhatsApp, Viber, …) are added here.
 */
public enum ProviderType {

    SMTP(Channel.EMAIL, List.of(SettingField.host("host"), SettingField.number("port", 1, 65535, 587),
            SettingField.choice("security", "STARTTLS", "NONE", "STARTTLS", "TLS"), SettingField.text("username", false, 200),
            SettingField.email("fromAddress", true), SettingField.text("fromName", false, 200), SettingField.email("replyTo", false),
            SettingField.number("timeoutSeconds", 1, 120, 30)),
            List.of(SettingField.text("password", false, 500))),

    SMPP(Channel.SMS, List.of(SettingField.host("host"), SettingField.number("port", 1, 65535, 2775),
            SettingField.text("systemId", true, 15), SettingField.text("systemType", false, 12),
            SettingField.text("sourceAddress", true, 20), SettingField.number("sourceTon", 0, 6, 5),
            SettingField.number("sourceNpi", 0, 18, 0), SettingField.number("window", 1, 100, 10),
            SettingField.number("enquireLinkSeconds", 5, 300, 30), SettingField.number("timeoutSeconds", 1, 120, 10)),
            // SMPP 3.4 allows 8 characters of password (9 octets with the terminating NUL)
            List.of(SettingField.text("password", true, 8)));

    private final Channel channel;
    private final List<SettingField> settings;
    private final List<SettingField> secrets;

    ProviderType(Channel channel, List<SettingField> settings, List<SettingField> secrets) {
        this.channel = channel;
        this.settings = settings;
        this.secrets = secrets;
    }

    public Channel channel() {
        return channel;
    }

    public List<SettingField> settings() {
        return settings;
    }

    /** The write-only values, e.g. {@code password}. */
    public List<SettingField> secrets() {
        return secrets;
    }

    public static Optional<ProviderType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
