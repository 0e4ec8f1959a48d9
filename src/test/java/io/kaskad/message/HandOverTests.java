package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.kaskad.channel.Channel;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-over of a claimed batch: recorded before the calls, leased per chunk, handed back when stopping, never sent without its claim. */
class HandOverTests {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final SteppedClock clock = new SteppedClock();
    private final Map<Long, Instant> leases = new LinkedHashMap<>();
    private final List<Long> sent = new ArrayList<>();

    @Test
    void eachChunkIsRecordedBeforeItsCallsAndItsLeaseCountsFromItsHandOver() {
        List<AttemptRow> batch = attempts(60);
        HandOver.Result<Long> result = HandOver.run(batch, LEASE, clock, () -> false, this::mark, attempt -> {
            assertThat(leases).as("recorded as handed over before the call").containsKey(attempt.id());
            clock.advance(Duration.ofSeconds(5)); // a slow provider: the whole batch takes five minutes
            sent.add(attempt.id());
            return attempt.id();
        });
        assertThat(result.answers()).hasSize(60);
        assertThat(result.released()).isEmpty();
        // the last chunk was handed over 50 × 5 s after the first, and its lease runs from then, not from the claim
        Instant firstLease = leases.get(1L);
        Instant lastLease = leases.get(60L);
        assertThat(Duration.between(firstLease, lastLease)).isEqualTo(Duration.ofSeconds(5L * 2 * HandOver.CHUNK));
        assertThat(lastLease).isAfter(clock.instant().minus(Duration.ofMinutes(1)));
    }

    @Test
    void aStoppingNodeHandsBackWhatIsNotYetWithAProvider() {
        AtomicBoolean stopping = new AtomicBoolean();
        List<AttemptRow> batch = attempts(60);
        HandOver.Result<Long> result = HandOver.run(batch, LEASE, clock, stopping::get, this::mark, attempt -> {
            sent.add(attempt.id());
            stopping.set(true); // SIGTERM arrives during the first chunk: the chunk in hand is finished
            return attempt.id();
        });
        assertThat(sent).hasSize(HandOver.CHUNK);
        assertThat(result.released()).hasSize(60 - HandOver.CHUNK).allSatisfy(attempt -> assertThat(leases).doesNotContainKey(attempt.id()));
    }

    @Test
    void anAttemptWhoseClaimWasLostIsNotSent() {
        List<AttemptRow> batch = attempts(3);
        HandOver.Result<Long> result = HandOver.run(batch, LEASE, clock, () -> false,
                (ids, handedAt, leaseEnd) -> new HashSet<>(List.of(1L, 3L)), attempt -> {
                    sent.add(attempt.id());
                    return attempt.id();
                });
        assertThat(sent).containsExactly(1L, 3L);
        assertThat(result.answers()).containsExactly(1L, 3L);
    }

    private Set<Long> mark(List<Long> ids, Instant handedAt, Instant leaseEnd) {
        ids.forEach(id -> leases.put(id, leaseEnd));
        assertThat(leaseEnd).isEqualTo(handedAt.plus(LEASE));
        return new HashSet<>(ids);
    }

    /** A clock that moves only when told, so that durations come out exact. */
    private static final class SteppedClock extends java.time.Clock {

        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static List<AttemptRow> attempts(int count) {
        return IntStream.rangeClosed(1, count)
            .mapToObj(id -> new AttemptRow(id, id, 1, 0, Channel.SMS, false, AttemptStatus.SENDING, "79160000000", "x", null, null, null,
                    null, null, null, null, null, null))
            .toList();
    }
}
