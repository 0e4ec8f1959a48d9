package io.kaskad.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers that came after their batch: each recorded once, in bounded batches, all of them before the node stops. */
class LateAnswersTests {

    private final List<List<Integer>> recorded = Collections.synchronizedList(new ArrayList<>());

    @Test
    void answersFromManyCallsAreEachRecordedOnceInBatchesOfAtMostTheBatchSize() throws Exception {
        LateAnswers<Integer> late = new LateAnswers<>(7, recorded::add);
        ExecutorService callThreads = Executors.newFixedThreadPool(8);
        IntStream.range(0, 200).forEach(call -> callThreads.execute(() -> late.add(List.of(call * 3, call * 3 + 1, call * 3 + 2))));
        callThreads.shutdown();
        assertThat(callThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        late.finish(Duration.ofSeconds(10));

        assertThat(recorded).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 7));
        assertThat(recorded.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 600).boxed().toList());
    }

    @Test
    void aBatchThatCannotBeRecordedDoesNotStopTheOnesAfterIt() throws Exception {
        CountDownLatch failedOnce = new CountDownLatch(1);
        LateAnswers<Integer> late = new LateAnswers<>(10, batch -> {
            if (batch.contains(1)) {
                failedOnce.countDown();
                throw new IllegalStateException("the database is away for a moment");
            }
            recorded.add(batch);
        });
        late.add(List.of(1));
        assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();
        late.add(List.of(2));

        late.finish(Duration.ofSeconds(10));

        assertThat(recorded).containsExactly(List.of(2));
    }
}
