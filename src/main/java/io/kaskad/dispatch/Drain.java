package io.kaskad.dispatch;

import java.util.function.IntSupplier;

/** Repeats a batch while batches come back full, for at most {@code maxRun}: a backlog drains in one firing. */
final class Drain {

    private Drain() {
    }

    static void whileFull(DispatchProperties properties, IntSupplier batch) {
        long deadline = System.nanoTime() + properties.maxRun().toNanos();
        while (batch.getAsInt() >= properties.batchSize() && System.nanoTime() < deadline) {
            // keep draining
        }
    }
}
