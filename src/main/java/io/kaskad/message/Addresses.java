package io.kaskad.message;

import java.util.regex.Pattern;

import io.kaskad.channel.Channel;

import static io.kaskad.common.Strings.blankToNull;

/** Checks destination identifiers and picks the one each channel delivers to (send tasks check their rows with it too). */
public final class Addresses {

    /** What people write around a phone's digits: spaces, brackets and dashes ({@code +7 (916) 123-45-67}). */
    private static final Pattern PHONE_DECORATION = Pattern.compile("[\\s()\\-]");

    /**
     * The one phone rule (API, portal, task files): spaces, brackets and dashes are removed; what is left
     * must match {@link io.kaskad.common.Formats#PHONE}. Answers the phone as stored, or the input stripped if it does not match.
     */
    public static String normalizePhone(String phone) {
        return phone == null ? null : PHONE_DECORATION.matcher(phone).replaceAll("");
    }

    /**
     * A phone as a person in Russia writes it (the portal's form, a task file): {@link #normalizePhone}, and a
     * national number with the trunk prefix, 11 digits starting with 8 ({@code 8 (916) 123-45-67}), becomes the
     * international one ({@code 79161234567}). The API takes numbers in international form as given: there
     * {@code 81…} may be a Japanese number.
     */
    public static String normalizeWrittenPhone(String phone) {
        String normalized = normalizePhone(phone);
        if (normalized != null && normalized.length() == 11 && normalized.charAt(0) == '8' && normalized.chars().allMatch(Character::isDigit)) {
            return "7" + normalized.substring(1);
        }
        return normalized;
    }

    private Addresses() {
    }

    /** The address of {@code destination} for {@code channel}, or null when it has none. */
    public static String forChannel(Channel channel, SendRequest.Destination destination) {
        return switch (channel.address()) {
            case PHONE -> blankToNull(destination.phone());
            case EMAIL -> blankToNull(destination.email());
            case DEVICE -> blankToNull(destination.deviceId());
            case MESSENGER -> blankToNull(destination.messengerUserId());
            case MESSENGER_OR_PHONE -> destination.messengerUserId() != null && !destination.messengerUserId().isBlank()
                    ? destination.messengerUserId()
                    : blankToNull(destination.phone());
        };
    }

}
