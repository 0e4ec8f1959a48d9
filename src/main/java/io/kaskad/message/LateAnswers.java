package io.kaskad.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of provider calls that outlived their batch ({@link HandOver.LateCall}), recorded on a thread of their
 * own, up to {@code batchSize} in one go: the batch's thread goes back to claiming instead of waiting for a slow
 * provider. An answer that cannot be recorded is left to its attempt's lease, like one lost in a crash (its attempt
 * stays handed over: never sent again).
 */
final class LateAnswers<T> {

    private static final Logger log = LoggerFactory.getLogger(LateAnswers.class);

    private final int batchSize;
    private final Consumer<List<T>> record;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    /** Whether a recording run is queued or under way: at most one at a time, which then takes everything queued. */
    private final AtomicBoolean recording = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread recorder = new Thread(runnable, "late-answers");
        recorder.setDaemon(true);
        return recorder;
    });

    /** @param record records a list of answers (in a transaction of its own) */
    LateAnswers(int batchSize, Consumer<List<T>> record) {
        this.batchSize = batchSize;
        this.record = record;
    }

    /** Queues answers that came after their batch; they are recorded shortly, on the recorder's thread. */
    void add(List<T> answers) {
        queue.addAll(answers);
        if (recording.compareAndSet(false, true)) {
            try {
                thread.execute(this::recordQueued);
            }
            catch (RejectedExecutionException finished) {
                log.error("{} provider answers came after the node stopped recording; their attempts' leases settle them", queue.size());
            }
        }
    }

    private void recordQueued() {
        while (true) {
            List<T> batch = new ArrayList<>(batchSize);
            T answer;
            while (batch.size() < batchSize && (answer = queue.poll()) != null) {
                batch.add(answer);
            }
            if (batch.isEmpty()) {
                recording.set(false);
                // an answer queued after the poll and before the flag went down found a run under way: take it now
                if (queue.isEmpty() || !recording.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                record.accept(batch);
            }
            catch (RuntimeException failed) {
                log.error("Could not record {} late provider answers; their attempts' leases settle them", batch.size(), failed);
            }
        }
    }

    /** Records what is queued and takes nothing more; waits at most {@code timeout}. Call after the calls have ended. */
    void finish(Duration timeout) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Late provider answers still being recorded after {}: those left are settled by their leases", timeout);
        }
    }
}
