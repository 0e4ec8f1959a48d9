package io.kaskad.message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The body POSTed to a message's {@code callbackUrl} when its status changes. {@code updatedAt}
 * lets a client order callbacks that retries delivered out of order.
 */
final class CallbackPayload {

    private CallbackPayload() {
    }

    static String json(JsonMapper json, MessageRow message, MessageStatus status, Instant at) {
        Map<String, Object> body = about(message);
        body.put("status", status.name());
        body.put("previousStatus", message.status().name());
        body.put("channel", message.firstChannel() == null ? null : message.firstChannel().name());
        return written(json, body, message, at);
    }

    /**
     * A person clicked one of the message's short links: {@code "event":"CLICK"} with the link's address,
     * the message's current status unchanged (a status callback has no {@code event}).
     */
    static String click(JsonMapper json, MessageRow message, String url, Instant at) {
        Map<String, Object> body = about(message);
        body.put("event", "CLICK");
        body.put("status", message.status().name());
        body.put("url", url);
        return written(json, body, message, at);
    }

    /** Which message a callback is about: its ids, as the send answered them. */
    private static Map<String, Object> about(MessageRow message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.publicId());
        body.put("bulkId", message.bulkId());
        body.put("groupId", message.groupId());
        body.put("flowId", message.flowId());
        body.put("taskId", message.taskId());
        return body;
    }

    private static String written(JsonMapper json, Map<String, Object> body, MessageRow message, Instant at) {
        body.put("callbackData", message.callbackData());
        body.put("updatedAt", at.toString());
        return json.writeValueAsString(body);
    }
}
