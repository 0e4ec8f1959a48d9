package io.kaskad.common;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;

/**
 * Bucket4j token buckets by key (an address, a chat), kept in this node's memory for anonymous endpoints:
 * at most {@code max} of them, the least recently used dropped first, so a flood of addresses cannot
 * fill the heap. Limits kept so are per node: that spares the database a write for every anonymous request.
 */
public final class BucketsByKey {

    private final Map<String, Bucket> buckets;

    public BucketsByKey(int max) {
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        });
    }

    /** The key's bucket, made by {@code create} the first time. */
    public Bucket get(String key, Supplier<Bucket> create) {
        return buckets.computeIfAbsent(key, k -> create.get());
    }

    /** A bucket of {@code perMinute} tokens, refilled over the minute. */
    public static Bucket perMinute(int perMinute) {
        return Bucket.builder().addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
    }
}
