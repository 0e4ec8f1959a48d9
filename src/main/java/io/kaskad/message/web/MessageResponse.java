package io.kaskad.message.web;

import java.time.Instant;
import java.util.List;

import io.kaskad.message.MessageView;

/** {@code GET /api/v1/messages/{id}}: the message, its status and its attempts in cascade order. */
record MessageResponse(String id, String bulkId, String groupId, String flowId, String taskId, String status, String channel,
        Destination destination, Instant sendAt, Instant createdAt, Instant updatedAt, boolean cancellable, Error error,
        List<Attempt> attempts, List<Link> links) {

    record Destination(String phone, String email, String messengerUserId, String deviceId) {
    }

    record Error(String code, String field) {
    }

    record Attempt(String channel, boolean required, String status, Instant scheduledAt, String provider, String providerMessageId, String text,
            String error, String errorMessage, Instant sentAt, Instant finishedAt, Instant updatedAt, Connection connection) {
    }

    /** A short link of the message (useShortLinks): its original address, the short one, people's clicks and previews fetched. */
    record Link(String channel, String url, String shortUrl, long clicks, long previews, Instant lastClickAt) {
    }

    /** The company's provider connection that took the attempt; absent for the built-in providers. */
    record Connection(long id, String name) {
    }

    static MessageResponse of(MessageView message) {
        return new MessageResponse(message.id(), message.bulkId(), message.groupId(), message.flowId(), message.taskId(),
                message.status().name(), message.channel() == null ? null : message.channel().name(),
                new Destination(message.phone(), message.email(), message.messengerUserId(), message.deviceId()),
                message.sendAt(), message.createdAt(), message.updatedAt(), message.cancellable(),
                message.errorCode() == null ? null : new Error(message.errorCode(), message.errorField()),
                message.attempts().stream()
                    .map(a -> new Attempt(a.channel().name(), a.required(), a.status().name(), a.scheduledAt(), a.provider(),
                            a.providerMessageId(), a.text(), a.errorCode(), a.errorMessage(), a.sentAt(), a.finishedAt(),
                            a.updatedAt(), a.connection() == null ? null : new Connection(a.connection().id(), a.connection().name())))
                    .toList(),
                message.links().stream()
                    .map(link -> new Link(link.step() < message.attempts().size() ? message.attempts().get(link.step()).channel().name()
                            : null, link.url(), link.shortUrl(), link.clicks(), link.previews(), link.lastClickAt()))
                    .toList());
    }
}
