package io.kaskad.chat.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.chat.DialogMessage;
import io.kaskad.chat.SessionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open SSE streams of this node. A sweep reads, from the database, what is new in the sessions
 * somebody watches here and pushes it: so a message written on any node of the cluster reaches the
 * browser, which itself never polls. A comment line every {@link #KEEP_ALIVE} finds streams whose
 * browser has gone. At shutdown the streams are ended first, so graceful shutdown does not wait on them.
 */
@Component
class SessionStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionStreams.class);
    private static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();
    private static final long KEEP_ALIVE = Duration.ofSeconds(15).toMillis();

    private final ChatSessionQueries queries;
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-streams");
        thread.setDaemon(true);
        return thread;
    });

    SessionStreams(ChatSessionQueries queries, @Value("${kaskad.chat.stream-interval:250ms}") Duration interval, MeterRegistry registry) {
        this.queries = queries;
        Gauge.builder("kaskad.chat.streams", watchers, open -> open.values().stream().mapToInt(List::size).sum())
            .description("Open event streams of chat sessions (SSE) on this node")
            .register(registry);
        sweeper.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static final class Watcher {
        final SseEmitter emitter;
        volatile long lastSeq;
        volatile SessionStatus lastStatus;
        volatile String continuedIn;
        volatile long lastSentAt = System.currentTimeMillis();

        Watcher(SseEmitter emitter, long lastSeq) {
            this.emitter = emitter;
            this.lastSeq = lastSeq;
        }
    }

    /** A stream of the session's new messages; {@code onClose} runs when it ends, however it ends. */
    SseEmitter open(String sessionId, long afterSeq, Runnable onClose) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Watcher watcher = new Watcher(emitter, afterSeq);
        watchers.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>()).add(watcher);
        Runnable remove = () -> {
            watchers.computeIfPresent(sessionId, (id, list) -> {
                list.remove(watcher);
                return list.isEmpty() ? null : list;
            });
            onClose.run();
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        return emitter;
    }

    private void sweep() {
        for (Map.Entry<String, List<Watcher>> entry : watchers.entrySet()) {
            try {
                push(entry.getKey(), entry.getValue());
            }
            catch (RuntimeException failure) {
                log.debug("Stream sweep of session {} failed", entry.getKey(), failure);
            }
        }
    }

    private void push(String sessionId, List<Watcher> sessionWatchers) {
        long from = sessionWatchers.stream().mapToLong(w -> w.lastSeq).min().orElse(0);
        ChatSessionQueries.StreamUpdate update = queries.streamUpdate(sessionId, from).orElse(null);
        if (update == null) {
            return;
        }
        List<DialogMessage> fresh = update.messages();
        SessionStatus status = update.status();
        for (Watcher watcher : sessionWatchers) {
            try {
                for (DialogMessage message : fresh) {
                    if (message.seq() > watcher.lastSeq) {
                        watcher.emitter.send(SseEmitter.event().name("message").id(Long.toString(message.seq())).data(message));
                        watcher.lastSeq = message.seq();
                        watcher.lastSentAt = System.currentTimeMillis();
                    }
                }
                if (status != watcher.lastStatus) {
                    watcher.emitter.send(SseEmitter.event().name("status").data(status.name()));
                    watcher.lastStatus = status;
                    watcher.lastSentAt = System.currentTimeMillis();
                }
                if (update.continuedIn() != null && !update.continuedIn().equals(watcher.continuedIn)) {
                    watcher.emitter.send(SseEmitter.event().name("session").data(update.continuedIn()));
                    watcher.continuedIn = update.continuedIn();
                    watcher.lastSentAt = System.currentTimeMillis();
                }
                if (System.currentTimeMillis() - watcher.lastSentAt > KEEP_ALIVE) {
                    watcher.emitter.send(SseEmitter.event().comment("keep-alive"));
                    watcher.lastSentAt = System.currentTimeMillis();
                }
            }
            catch (IOException | IllegalStateException gone) {
                watcher.emitter.completeWithError(gone);
            }
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown (highest phase stops first). */
    @Override
    public void stop() {
        running = false;
        sweeper.shutdownNow();
        watchers.values().forEach(list -> list.forEach(w -> w.emitter.complete()));
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
