package io.kaskad.message;

import io.kaskad.channel.Channel;

/** The answer for one destination, in request order: accepted ({@code CREATED}) or {@code REJECTED} with why. */
public record SendResult(String id, String bulkId, String groupId, String flowId, MessageStatus status, Channel channel,
        Rejection rejection) {
}
