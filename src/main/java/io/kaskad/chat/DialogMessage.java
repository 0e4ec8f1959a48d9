package io.kaskad.chat;

import java.time.Instant;
import java.util.List;

/** One message of a dialog; {@code answers} are the buttons the bot offered with it. */
public record DialogMessage(long seq, String id, String sessionId, Author author, String body, List<String> answers,
        List<String> attachments, String replyToMessageId, Instant createdAt) {
}
