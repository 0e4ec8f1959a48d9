package io.kaskad.message;

import java.time.Instant;

import io.kaskad.channel.Channel;

/**
 * A message as lists and statistics show it. {@code channel} and {@code providerMessageId} are those
 * of the attempt that matters: the filtered channel's, else the delivering one's, else the latest
 * handed to a provider. For the {@code CHAT} channel, {@code providerMessageId} is the chat session.
 * {@code clicks}: people's clicks on the message's short links.
 */
public record MessageSummary(long cursor, String id, String bulkId, String groupId, String flowId, String taskId,
        MessageStatus status, Channel channel, String providerMessageId, String phone, String email, String messengerUserId,
        String deviceId, Instant sendAt, Instant createdAt, Instant updatedAt, String errorCode, long clicks) {
}
