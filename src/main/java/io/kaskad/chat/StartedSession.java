package io.kaskad.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The 201 answer of a session start (seed 003): the session, its client and the bot's first messages. */
public record StartedSession(String id, String clientId, Instant startedAt, int ttl, List<Message> messages) {

    /** A bot message as seed 003 shows it; Kaskad's bots send no actions or attachments yet, so those are empty. */
    public record Message(String body, List<String> answers, List<Map<String, String>> actions, List<Map<String, Object>> attachments) {

        static Message of(DialogMessage said) {
            return new Message(said.body(), said.answers(), List.of(), List.of());
        }
    }
}
