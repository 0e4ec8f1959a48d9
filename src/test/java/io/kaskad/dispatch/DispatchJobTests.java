package io.kaskad.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kaskad.message.Dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A firing that meets a backlog does not leave it to the regular firings alone: it starts more at once. */
class DispatchJobTests {

    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final List<Integer> started = new ArrayList<>();

    @Test
    void aFullFirstBatchStartsAsManyFiringsAsTheNodeHasRoomFor() {
        when(dispatcher.dispatchDue(anyInt())).thenReturn(500, 500, 120);

        job(Duration.ofMinutes(1), 3).fire(started::add);

        assertThat(started).as("firings started: two beside this one, once").containsExactly(2);
    }

    @Test
    void aFiringThatRunsOutOfTimeWithTheBacklogLeftStartsItsSuccessor() {
        when(dispatcher.dispatchDue(anyInt())).thenReturn(500);

        job(Duration.ZERO, 3).fire(started::add);

        assertThat(started).as("two beside it at its first batch, then its successor").containsExactly(2, 1);
    }

    @Test
    void noBacklogStartsNothing() {
        when(dispatcher.dispatchDue(anyInt())).thenReturn(499);

        job(Duration.ZERO, 3).fire(started::add);

        assertThat(started).isEmpty();
    }

    private DispatchJob job(Duration maxRun, int concurrentBatches) {
        DispatchProperties properties = new DispatchProperties(Duration.ofMillis(500), 500, maxRun, concurrentBatches);
        return new DispatchJob(dispatcher, properties, new DispatchRuns(properties));
    }
}
