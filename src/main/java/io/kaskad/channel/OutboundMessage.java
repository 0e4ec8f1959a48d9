package io.kaskad.channel;

import java.util.Map;

/**
 * What an adapter sends: the address for its channel, the whole recipient (some providers take
 * several identifiers), the text with variables filled in, and the channel's own parameters from
 * the request (for example {@code templateName}, {@code chatId}).
 *
 * @param reference our id of this attempt, for the provider's logs and callbacks
 */
public record OutboundMessage(String reference, long companyId, Channel channel, String address, Recipient recipient,
        String text, Map<String, Object> parameters) {

    /** The destination's identifiers as the client gave them; any may be null. */
    public record Recipient(String phone, String email, String messengerUserId, String deviceId) {
    }
}
