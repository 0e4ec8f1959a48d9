package io.kaskad.channel.sandbox;

import io.kaskad.channel.Channel;
import io.kaskad.channel.OutboundMessage.Recipient;

/**
 * The sandbox's rules, as DESIGN.md and the README state them. Real-looking destinations deliver.
 * Test destinations, whose phone or messengerUserId starts with {@code 7000000}, pick their
 * outcome by the last digit:
 * <ul>
 * <li>1: SMS fails with a provider error, every other channel delivers;</li>
 * <li>2: every messenger (whatsapp, viber, telegram, vk, ok) answers no-account, the rest deliver;</li>
 * <li>3: accepted and never reported (channels that report delivery then expire);</li>
 * <li>4: every channel fails;</li>
 * <li>5: delivered, then read.</li>
 * </ul>
 */
enum SandboxBehaviour {
    DELIVER, FAIL, NO_ACCOUNT, NEVER_REPORT, DELIVER_THEN_READ;

    static final String TEST_PREFIX = "7000000";

    static SandboxBehaviour of(Channel channel, Recipient recipient) {
        String identity = testIdentity(recipient);
        if (identity == null) {
            return DELIVER;
        }
        return switch (identity.charAt(identity.length() - 1)) {
            case '1' -> channel == Channel.SMS ? FAIL : DELIVER;
            case '2' -> channel.isMessenger() ? NO_ACCOUNT : DELIVER;
            case '3' -> NEVER_REPORT;
            case '4' -> FAIL;
            case '5' -> DELIVER_THEN_READ;
            default -> DELIVER;
        };
    }

    private static String testIdentity(Recipient recipient) {
        for (String candidate : new String[] { recipient.phone(), recipient.messengerUserId() }) {
            if (candidate != null) {
                String digits = candidate.startsWith("+") ? candidate.substring(1) : candidate;
                if (digits.startsWith(TEST_PREFIX)) {
                    return digits;
                }
            }
        }
        return null;
    }
}
