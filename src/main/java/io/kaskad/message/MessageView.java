package io.kaskad.message;

import java.time.Instant;
import java.util.List;

import io.kaskad.channel.Channel;

/** A message as its company sees it, with its cascade attempts in channel order. */
public record MessageView(String id, String bulkId, String groupId, String flowId, String taskId, MessageStatus status,
        Channel channel, String phone, String email, String messengerUserId, String deviceId, Instant sendAt,
        Instant createdAt, Instant updatedAt, String errorCode, String errorField, List<AttemptView> attempts,
        List<LinkClicks.Link> links) {

    /** The destination's identifiers as given, comma separated. */
    public String recipient() {
        return String.join(", ", java.util.stream.Stream.of(phone, email, messengerUserId, deviceId)
            .filter(java.util.Objects::nonNull)
            .toList());
    }

    public boolean cancellable() {
        return !status.isFinal() && attempts.stream().noneMatch(attempt -> attempt.status().isHandedToProvider());
    }

    /** {@code scheduledAt}: when a queued attempt will go (the start of the next allowed window, say). */
    public record AttemptView(Channel channel, boolean required, AttemptStatus status, Instant scheduledAt, String provider,
            String providerMessageId, String text, String errorCode, String errorMessage, Instant sentAt, Instant finishedAt,
            Instant updatedAt, Connection connection) {
    }

    /** The company's provider connection that took an attempt (a deleted one keeps its id, named "—"). */
    public record Connection(long id, String name) {
    }
}
