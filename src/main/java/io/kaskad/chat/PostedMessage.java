package io.kaskad.chat;

import java.time.Instant;

/** The 201 answer to a client's message (seed 003). */
public record PostedMessage(String id, Instant createdAt) {
}
