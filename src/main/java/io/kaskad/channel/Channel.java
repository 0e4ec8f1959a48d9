package io.kaskad.channel;

import java.util.Locale;

/** The channels a message can go through, in the names of the send API ({@code sms}, {@code vk}, …). */
public enum Channel {
    SMS(Address.PHONE),
    EMAIL(Address.EMAIL),
    PUSH(Address.DEVICE),
    WHATSAPP(Address.MESSENGER_OR_PHONE),
    VIBER(Address.MESSENGER_OR_PHONE),
    TELEGRAM(Address.MESSENGER),
    VK(Address.MESSENGER_OR_PHONE),
    OK(Address.MESSENGER_OR_PHONE),
    CHAT(Address.MESSENGER_OR_PHONE);

    /** Which destination field a channel delivers to. */
    public enum Address {
        PHONE, EMAIL, DEVICE, MESSENGER, MESSENGER_OR_PHONE
    }

    private final Address address;

    Channel(Address address) {
        this.address = address;
    }

    public Address address() {
        return address;
    }

    /** The key of this channel in the send API's {@code channels} object. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMessenger() {
        return this == WHATSAPP || this == VIBER || this == TELEGRAM || this == VK || this == OK;
    }

    /** The channel named in any case ({@code sms}, {@code SMS}), or empty. */
    public static java.util.Optional<Channel> parse(String name) {
        for (Channel channel : values()) {
            if (channel.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return java.util.Optional.of(channel);
            }
        }
        return java.util.Optional.empty();
    }

    public static Channel fromApiName(String name) {
        for (Channel channel : values()) {
            if (channel.apiName().equals(name)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown channel '" + name + "'");
    }
}
