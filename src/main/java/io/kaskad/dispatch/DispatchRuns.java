package io.kaskad.dispatch;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * The dispatch firings running on this node, at most {@code kaskad.dispatch.concurrent-batches}. Each firing claims
 * and answers batches one after another; on two cores three of them at a time dispatched more than eight, which mostly
 * waited for each other's row locks (the company's send-rate bucket) and took turns on the CPU. A batch does not
 * wait for a slow provider ({@code HandOver.LateCall}), so a few firings are not held by one.
 */
@Component
class DispatchRuns {

    private final Semaphore running;

    DispatchRuns(DispatchProperties properties) {
        this.running = new Semaphore(Math.max(1, properties.concurrentBatches()));
    }

    /** Runs {@code firing} unless as many are running already on this node; the next firing tries again. */
    void runIfFree(Runnable firing) {
        if (!running.tryAcquire()) {
            return;
        }
        try {
            firing.run();
        }
        finally {
            running.release();
        }
    }

    /** How many more firings this node would run now. */
    int free() {
        return running.availablePermits();
    }
}
