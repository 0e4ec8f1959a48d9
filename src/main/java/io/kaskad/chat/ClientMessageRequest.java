package io.kaskad.chat;

import java.util.List;

/** The body of {@code POST /api/v1/sessions/{sessionId}/messages} (seed 003). */
public record ClientMessageRequest(String body, List<String> attachments, String replyToMessageId) {
}
