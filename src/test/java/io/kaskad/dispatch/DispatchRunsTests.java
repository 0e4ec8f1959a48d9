package io.kaskad.dispatch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A node runs at most {@code kaskad.dispatch.concurrent-batches} dispatch firings at once; the others end unrun. */
class DispatchRunsTests {

    @Test
    void aFiringBeyondTheLimitEndsAtOnceAndTheNextOneRunsOnceASlotIsFree() throws Exception {
        DispatchRuns runs = new DispatchRuns(new DispatchProperties(Duration.ofMillis(500), 500, Duration.ofSeconds(5), 2));
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable holding = () -> runs.runIfFree(() -> {
            bothRunning.countDown();
            await(release);
        });
        Thread first = new Thread(holding);
        Thread second = new Thread(holding);
        first.start();
        second.start();
        assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicInteger ran = new AtomicInteger();
        runs.runIfFree(ran::incrementAndGet);
        assertThat(ran).as("a third firing while two run").hasValue(0);

        release.countDown();
        first.join(10_000);
        second.join(10_000);
        runs.runIfFree(ran::incrementAndGet);
        assertThat(ran).as("once they ended").hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
