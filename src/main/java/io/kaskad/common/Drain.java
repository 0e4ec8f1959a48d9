package io.kaskad.common;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Repeats a batch while batches come back full, for at most {@code maxRun}: a backlog drains in one
 * firing of a recurring job, and the firing still ends in time for the node to stop.
 */
public final class Drain {

    private Drain() {
    }

    /**
     * Runs {@code batch} (answering how many rows it took) until one comes back short of {@code batchSize} or {@code maxRun} passes.
     * Answers whether it stopped for the time with its last batch full: work is most likely still waiting.
     */
    public static boolean whileFull(int batchSize, Duration maxRun, IntSupplier batch) {
        long deadline = System.nanoTime() + maxRun.toNanos();
        while (batch.getAsInt() >= batchSize) {
            if (System.nanoTime() >= deadline) {
                return true;
            }
        }
        return false;
    }
}
