package io.kaskad.chat.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.kaskad.common.BucketsByKey;
import io.kaskad.common.TooManyRequestsException;

/**
 * Brakes on the chat API that anyone on the internet may call without an account (the widget's):
 * session starts and client messages per address and per chat, and open event streams per address.
 * Bucket4j token buckets, kept in this node's memory: the limits are per node (behind a load balancer
 * of N nodes an address gets up to N times as much), which spares the database a write for every
 * anonymous request. At most {@link #MAX_BUCKETS} buckets are kept; the least recently used go first.
 * A caller presenting the company's API key is not limited here on that company's own chats and sessions; another
 * company's key lifts nothing.
 */
@Component
class PublicChatLimits {

    static final int MAX_BUCKETS = 100_000;

    private final PublicChatLimitProperties limits;
    private final BucketsByKey buckets = new BucketsByKey(MAX_BUCKETS);

    PublicChatLimits(PublicChatLimitProperties limits) {
        this.limits = limits;
    }

    void sessionStart(String address, String chatId) {
        take("start:address:" + address, () -> perMinute(limits.sessionStartsPerAddress()));
        take("start:chat:" + chatId, () -> perMinute(limits.sessionStartsPerChat()));
    }

    void clientMessage(String address, String chatId) {
        take("message:address:" + address, () -> perMinute(limits.messagesPerAddress()));
        take("message:chat:" + chatId, () -> perMinute(limits.messagesPerChat()));
    }

    /**
     * Takes one of the address's stream places; the answer gives it back (once, however often it is
     * run) when the stream ends. The places come back by themselves over an hour, should a stream's end
     * go unnoticed.
     */
    Runnable openStream(String address) {
        Bucket places = bucket("stream:address:" + address, () -> Bucket.builder()
            .addLimit(limit -> limit.capacity(limits.streamsPerAddress()).refillGreedy(limits.streamsPerAddress(), Duration.ofHours(1)))
            .build());
        ConsumptionProbe probe = places.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many open event streams from this address", Duration.ofSeconds(30));
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                places.addTokens(1);
            }
        };
    }

    private void take(String key, Supplier<Bucket> create) {
        ConsumptionProbe probe = bucket(key, create).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many requests", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(String key, Supplier<Bucket> create) {
        return buckets.get(key, create);
    }

    private static Bucket perMinute(int perMinute) {
        return BucketsByKey.perMinute(perMinute);
    }
}
