package io.kaskad.message.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

import io.kaskad.message.SendResult;

/**
 * One element of the send API's answer, as seed 004 shows it:
 * {@code {"id","bulkId","groupId","flowId","status":"CREATED","channel":"CHAT","error":null}}.
 */
record SendResponse(String id, String bulkId, String groupId, String flowId, String status, String channel, Error error) {

    /** Why a destination was rejected: a stable code, the field's path, and a message for people. */
    record Error(String code, String field, String message) {
    }

    static SendResponse of(SendResult result, MessageSource texts, Locale locale) {
        Error error = result.rejection() == null ? null
                : new Error(result.rejection().code(), result.rejection().field(),
                        texts.getMessage(result.rejection().messageCode(), result.rejection().args(), locale));
        return new SendResponse(result.id(), result.bulkId(), result.groupId(), result.flowId(), result.status().name(),
                result.channel() == null ? null : result.channel().name(), error);
    }
}
