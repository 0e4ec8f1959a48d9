package io.kaskad.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl}: a gauge read from the database then costs one query per
 * interval, however often it is scraped and however many nodes' scrapers ask.
 */
public final class CachedValue implements Supplier<Double> {

    private final Supplier<Number> read;
    private final long ttlNanos;
    private long readAt;
    private double value = Double.NaN;

    public CachedValue(Duration ttl, Supplier<Number> read) {
        this.read = read;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public synchronized Double get() {
        long now = System.nanoTime();
        if (Double.isNaN(value) || now - readAt >= ttlNanos) {
            value = read.get().doubleValue();
            readAt = now;
        }
        return value;
    }
}
