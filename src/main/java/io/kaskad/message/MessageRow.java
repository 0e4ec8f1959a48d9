package io.kaskad.message;

import java.time.Instant;
import java.time.ZoneId;

import io.kaskad.channel.Channel;

/** A stored message. {@code errorMessage} holds the rejected field's path for REJECTED messages. */
record MessageRow(long id, String publicId, long companyId, String bulkId, String flowId, String groupId, String taskId,
        String templateId, String phone, String email, String messengerUserId, String deviceId, String timezone,
        String variables, MessageStatus status, Channel firstChannel, Instant sendAt, String allowedTimeRanges,
        int validityMinutes, String callbackUrl, String callbackData, String errorCode, String errorMessage,
        Instant createdAt, Instant updatedAt) {

    /** This message in another status: the only column besides its updated time that changes once it is stored. */
    MessageRow withStatus(MessageStatus to) {
        return new MessageRow(id, publicId, companyId, bulkId, flowId, groupId, taskId, templateId, phone, email, messengerUserId, deviceId,
                timezone, variables, to, firstChannel, sendAt, allowedTimeRanges, validityMinutes, callbackUrl, callbackData, errorCode,
                errorMessage, createdAt, updatedAt);
    }

    ZoneId zone() {
        return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
    }

    TimeWindows windows() {
        return TimeWindows.parse(allowedTimeRanges);
    }
}
