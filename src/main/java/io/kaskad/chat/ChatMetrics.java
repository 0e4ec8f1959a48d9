package io.kaskad.chat;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.kaskad.common.CachedValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Chats' metrics: open sessions across the cluster (read from the database, at most every 10 s). Streams: see SessionStreams. */
@Component
class ChatMetrics {

    private static final int CAP = 1_000_000;

    ChatMetrics(MeterRegistry registry, SessionStore sessions) {
        Gauge.builder("kaskad.chat.sessions.open", new CachedValue(Duration.ofSeconds(10), () -> sessions.countOpen(CAP)))
            .description("Chat sessions open (with the bot, waiting for an operator or with one), counted up to " + CAP)
            .register(registry);
    }
}
