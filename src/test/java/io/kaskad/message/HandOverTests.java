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
    private final Map<Long, Instant> leases = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Long> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Calls a provider may have at once in these tests: a chunk is never larger, so chunks here are of 25. */
    private static final int SLOTS = 25;

    /** One chunk of calls at a time: the next chunk starts when the last one's calls end. */
    private final ProviderCalls calls = new ProviderCalls(SLOTS, SLOTS);

    @Test
    void eachChunkIsRecordedBeforeItsCallsAndItsLeaseCountsFromItsHandOver() {
        List<AttemptRow> batch = attempts(60);
        HandOver.Result<Long> result = HandOver.run(batch, attempt -> "sms", HandOverTests::recipient, calls, LEASE, clock, () -> false,
                this::mark, attempt -> {
            assertThat(leases).as("recorded as handed over before the call").containsKey(attempt.id());
            clock.advance(Duration.ofMillis(30)); // each call takes a while: a chunk's calls take 750 ms, under the lane wait
            sent.add(attempt.id());
            return attempt.id();
        });
        assertThat(result.answers()).hasSize(60);
        assertThat(result.released()).isEmpty();
        assertThat(result.deferred()).isEmpty();
        // the last chunk (10 attempts) was handed over once the first chunk's calls and 10 of the second's had ended,
        // and its lease runs from then, not from the claim
        Instant firstLease = leases.get(1L);
        Instant lastLease = leases.get(60L);
        assertThat(Duration.between(firstLease, lastLease)).isGreaterThanOrEqualTo(Duration.ofMillis(30L * (SLOTS + 10)));
        assertThat(lastLease).isAfter(clock.instant().minus(Duration.ofMinutes(1)));
    }

    @Test
    void aStoppingNodeHandsBackWhatIsNotYetWithAProvider() {
        AtomicBoolean stopping = new AtomicBoolean();
        List<AttemptRow> batch = attempts(60);
        HandOver.Result<Long> result = HandOver.run(batch, attempt -> "sms", HandOverTests::recipient, calls, LEASE, clock, stopping::get,
                this::mark, attempt -> {
            sent.add(attempt.id());
            stopping.set(true); // SIGTERM arrives during the first chunk: the chunk in hand is finished
            return attempt.id();
        });
        assertThat(sent).hasSize(SLOTS);
        assertThat(result.released()).hasSize(60 - SLOTS).allSatisfy(attempt -> assertThat(leases).doesNotContainKey(attempt.id()));
    }

    @Test
    void anAttemptWhoseClaimWasLostIsNotSent() {
        List<AttemptRow> batch = attempts(3);
        HandOver.Result<Long> result = HandOver.run(batch, attempt -> "sms", HandOverTests::recipient, calls, LEASE, clock, () -> false,
                (ids, handedAt, leaseEnd) -> new HashSet<>(List.of(1L, 3L)), attempt -> {
                    sent.add(attempt.id());
                    return attempt.id();
                });
        assertThat(sent).containsExactlyInAnyOrder(1L, 3L);
        assertThat(result.answers()).containsExactly(1L, 3L);
    }

    @Test
    void aSlowProviderHoldsBackOnlyItsOwnAttempts() {
        java.util.concurrent.CountDownLatch slowAnswers = new java.util.concurrent.CountDownLatch(1);
        Set<Long> handedOverWhileSlowHung = new java.util.HashSet<>();
        List<AttemptRow> batch = attempts(100); // 1–50 to a quick provider, 51–100 to one that hangs
        ProviderCalls calls = new ProviderCalls(100, SLOTS) {

            private boolean waitedSinceLastStart;

            @Override
            synchronized void awaitRelease(long millis) {
                clock.advance(Duration.ofSeconds(2)); // waiting for a slot: time passes
                waitedSinceLastStart = true;
            }

            @Override
            synchronized boolean tryReserve(String provider, int n) {
                boolean reserved = super.tryReserve(provider, n);
                if (reserved) {
                    waitedSinceLastStart = false;
                }
                else if (provider.equals("slow") && waitedSinceLastStart && slowAnswers.getCount() > 0) {
                    // nothing started since a wait of 2 s: this pass defers the slow chunk; now let the slow calls answer
                    handedOverWhileSlowHung.addAll(leases.keySet());
                    slowAnswers.countDown();
                }
                return reserved;
            }
        };
        HandOver.Result<Long> result = HandOver.run(batch, attempt -> attempt.id() <= 50 ? "quick" : "slow", HandOverTests::recipient, calls,
                LEASE, clock,
                () -> false, this::mark, attempt -> {
                    if (attempt.id() > 50) {
                        await(slowAnswers);
                    }
                    sent.add(attempt.id());
                    return attempt.id();
                });
        assertThat(handedOverWhileSlowHung).as("the quick provider's attempts went while the slow one hung")
            .containsAll(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(result.answers()).hasSize(75);
        // the slow provider's second chunk found no free slot for a while: deferred unsent, not queued behind the first
        assertThat(result.deferred()).extracting(AttemptRow::id)
            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(76, 100).boxed().toList());
        assertThat(result.deferred()).allSatisfy(attempt -> assertThat(leases).doesNotContainKey(attempt.id()));
    }

    @Test
    void chunksWhoseSlotsTheClaimReservedGoWithoutAMarkAndTheRestAreMarkedWhenSlotsFree() {
        HandOver.Plan plan = HandOver.Plan.of(attempts(60), attempt -> "sms", HandOverTests::recipient, calls);
        Set<Long> recordedByTheClaim = plan.reserveFree(calls);
        // one chunk fits the provider's 25 slots: the claim records those 25 itself
        assertThat(recordedByTheClaim).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());

        HandOver.Result<Long> result = HandOver.run(plan, calls, LEASE, clock, () -> false, this::mark, attempt -> {
            sent.add(attempt.id());
            return attempt.id();
        });
        assertThat(result.answers()).hasSize(60);
        assertThat(sent).hasSize(60).doesNotHaveDuplicates();
        assertThat(leases.keySet()).as("marked by the hand-over").containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(26, 60).boxed().toList());
        assertThat(calls.tryReserve("sms", SLOTS)).as("every slot given back").isTrue();
    }

    @Test
    void aFailedClaimOrAStoppingNodeGivesBackTheSlotsItsClaimReservedAndSendsNothing() {
        HandOver.Plan failed = HandOver.Plan.of(attempts(10), attempt -> "sms", HandOverTests::recipient, calls);
        assertThat(failed.reserveFree(calls)).hasSize(10);
        failed.releaseReserved(calls);
        assertThat(calls.tryReserve("sms", SLOTS)).as("the failed claim's slots are free again").isTrue();
        calls.release("sms", SLOTS);

        HandOver.Plan stopped = HandOver.Plan.of(attempts(40), attempt -> "sms", HandOverTests::recipient, calls);
        stopped.reserveFree(calls);
        HandOver.Result<Long> result = HandOver.run(stopped, calls, LEASE, clock, () -> true, this::mark, attempt -> {
            sent.add(attempt.id());
            return attempt.id();
        });
        assertThat(sent).isEmpty();
        assertThat(result.released()).hasSize(40);
        assertThat(calls.tryReserve("sms", SLOTS)).as("the stopping node's slots are free again").isTrue();
    }

    @Test
    void aCallStillRunningAfterItsTimeIsReportedAndTheBatchLeavesItsAnswerForLater() throws Exception {
        List<List<Long>> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch batchEnded = new java.util.concurrent.CountDownLatch(1);
        HandOver.SlowCalls slow = new HandOver.SlowCalls(Duration.ofSeconds(1), attempts -> reported.add(attempts.stream().map(AttemptRow::id).toList()));
        HandOver.Plan plan = HandOver.Plan.of(attempts(1), attempt -> "sms", HandOverTests::recipient, calls);
        plan.reserveFree(calls);

        HandOver.Result<Long> result = HandOver.run(plan, calls, LEASE, clock, () -> false, this::mark, attempt -> {
            clock.advance(Duration.ofSeconds(2)); // the provider takes its time: it answers only once its batch has ended
            await(batchEnded);
            return attempt.id();
        }, slow);
        batchEnded.countDown();

        assertThat(reported).containsExactly(List.of(1L));
        assertThat(result.answers()).isEmpty();
        assertThat(result.late()).singleElement().satisfies(late -> {
            assertThat(late.attempts()).extracting(AttemptRow::id).containsExactly(1L);
            assertThat(late.answers().get(10, java.util.concurrent.TimeUnit.SECONDS)).containsExactly(1L);
        });
    }

    @Test
    void aBatchWhoseCallsAllAnswerInTimeReportsNothing() {
        List<AttemptRow> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        HandOver.Plan plan = HandOver.Plan.of(attempts(60), attempt -> "sms", HandOverTests::recipient, calls);
        plan.reserveFree(calls);
        HandOver.Result<Long> result = HandOver.run(plan, calls, LEASE, clock, () -> false, this::mark, attempt -> {
            clock.advance(Duration.ofMillis(10)); // 600 ms in all, each call 10 ms
            return attempt.id();
        }, new HandOver.SlowCalls(Duration.ofSeconds(1), reported::addAll));
        assertThat(result.answers()).hasSize(60);
        assertThat(result.late()).isEmpty();
        assertThat(reported).isEmpty();
    }

    /** Every attempt of these tests goes to its own recipient. */
    private static String recipient(AttemptRow attempt) {
        return String.valueOf(attempt.id());
    }

    @Test
    void oneRecipientsAttemptsGoOneAfterAnotherInTheOrderClaimed() {
        List<AttemptRow> batch = attempts(30);
        List<Long> order = java.util.Collections.synchronizedList(new ArrayList<>());
        HandOver.Result<Long> result = HandOver.run(batch, attempt -> "sms", attempt -> attempt.id() % 3 == 0 ? "same" : recipient(attempt),
                calls, LEASE, clock, () -> false, this::mark, attempt -> {
                    if (attempt.id() % 3 == 0) {
                        order.add(attempt.id());
                    }
                    return attempt.id();
                });
        assertThat(result.answers()).hasSize(30);
        assertThat(order).containsExactly(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L, 30L);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Set<Long> mark(List<Long> ids, Instant handedAt, Instant leaseEnd) {
        ids.forEach(id -> leases.put(id, leaseEnd));
        assertThat(leaseEnd).isEqualTo(handedAt.plus(LEASE));
        return new HashSet<>(ids);
    }

    /** A clock that moves only when told, so that durations come out exact. */
    private static final class SteppedClock extends java.time.Clock {

        private volatile Instant now = Instant.parse("2026-11-30T10:00:00Z");

        synchronized void advance(Duration by) {
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
                    null, null, null, null, null, null, null, 0, null))
            .toList();
    }
}
