package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands claimed attempts to their providers, a chunk at a time, recording each chunk as handed over
 * <em>before</em> its calls. A crash then leaves one of two traces: claimed and never handed over (sent
 * again, safely, once the claim's lease has run out) or handed over with the answer unknown (never sent
 * again; see {@link Outcomes#afterLostAnswer}). The provider lease of an attempt counts from its
 * chunk's hand-over, not from the claim of the batch, so attempts waiting their turn behind slow calls
 * do not run out of time unsent. Chunks whose provider has free slots when the batch is claimed are recorded
 * by the claim's own statement instead ({@link Plan#reserveFree}): the usual case, one write less per attempt.
 *
 * <p>A chunk's calls overlap ({@link ProviderCalls}), except those to one recipient, which go one after
 * another in the order claimed (so that a recipient's messages arrive in order, and a chat's second
 * message finds the session the first opened); chunks of different providers ("lanes") are
 * handed over side by side: a chunk starts as soon as its provider has free slots, so a slow provider
 * holds back only its own attempts. Chunks whose provider stays full for {@link #LANE_WAIT} are deferred
 * (queued again shortly, unsent). Between chunks a stopping node hands the rest back; a chunk whose claim
 * was lost (its lease ran out and another node took it) is not sent. Calls that keep running are reported
 * ({@link SlowCalls}), so that their messages can show they are with a provider, and the batch stops waiting for them:
 * they come back as {@link LateCall}s, whose answers the caller records when they come. A provider that hangs then
 * holds its own slots, not the thread of every batch that handed it a chunk.
 */
final class HandOver {

    /**
     * Attempts recorded as handed over by one statement (one commit). A crash leaves as unknowns the
     * attempts marked and not yet answered; since a chunk's calls start as soon as it is marked, on slots
     * reserved for it, those are bounded by the calls in flight per provider whatever the chunk size.
     * Larger chunks save commits (at zero latency, the marks were a fifth of a batch's statements).
     */
    static final int CHUNK = 100;

    /** How long a chunk waits for its provider's slots before it is deferred to a later batch. */
    static final Duration LANE_WAIT = Duration.ofSeconds(1);

    /** How often a batch waiting for its calls looks for those that became slow. */
    private static final long SLOW_CHECK_MILLIS = 50;

    /**
     * Told about the calls still running {@code after} their hand-over, each call once: their attempts. The batch does
     * not wait for those any longer (see {@link Result#late}). A call that answers sooner is only ever recorded with
     * its answer, by its batch.
     */
    record SlowCalls(Duration after, Consumer<List<AttemptRow>> report) {

        /** Nobody asks: the batch waits for all its calls, however long they take. */
        static final SlowCalls IGNORED = new SlowCalls(null, attempts -> { });
    }

    /** Records attempts as handed over until {@code leaseEnd}; answers those still claimed by this batch. */
    interface Marker {
        Set<Long> mark(List<Long> attemptIds, Instant handedAt, Instant leaseEnd);
    }

    /**
     * What a batch came to: the answers of the calls that ended while it waited, the calls it stopped waiting for
     * (reported slow, still running), the attempts handed back unsent because the node is stopping, and those deferred
     * because their provider had no free slot.
     */
    record Result<T>(List<T> answers, List<LateCall<T>> late, List<AttemptRow> released, List<AttemptRow> deferred) {
    }

    /** A call its batch stopped waiting for: one recipient's attempts, handed over, and their answers when they come. */
    record LateCall<T>(List<AttemptRow> attempts, CompletableFuture<List<T>> answers) {
    }

    private HandOver() {
    }

    /**
     * A claimed batch in chunks per lane, of up to a provider's slots each; a call is one recipient's attempts in
     * claim order (usually one). The claim may reserve slots for the leading chunks of lanes that have them free
     * ({@link #reserveFree}) and record those attempts as handed over in its own statement: a mark less per attempt
     * when the providers keep up, and the same trace after a crash as a chunk marked here (handed over, calls about to
     * start on slots reserved for them).
     */
    static final class Plan {

        private final Map<String, Deque<List<List<AttemptRow>>>> lanes;
        private final List<Map.Entry<String, List<List<AttemptRow>>>> reserved = new ArrayList<>();

        private Plan(Map<String, Deque<List<List<AttemptRow>>>> lanes) {
            this.lanes = lanes;
        }

        /**
         * @param laneOf      the provider an attempt goes to, whose slots its call takes
         * @param recipientOf the recipient an attempt goes to: one recipient's attempts are sent one after another
         */
        static Plan of(List<AttemptRow> claimed, Function<AttemptRow, String> laneOf, Function<AttemptRow, String> recipientOf,
                ProviderCalls calls) {
            return new Plan(chunksByLane(claimed, laneOf, recipientOf, Math.min(CHUNK, calls.maxPerProvider())));
        }

        /** Reserves slots for each lane's leading chunks while they are free; answers the ids of the attempts they hold. */
        Set<Long> reserveFree(ProviderCalls calls) {
            Set<Long> ids = new HashSet<>();
            for (var lane = lanes.entrySet().iterator(); lane.hasNext();) {
                Map.Entry<String, Deque<List<List<AttemptRow>>>> entry = lane.next();
                while (!entry.getValue().isEmpty() && calls.tryReserve(entry.getKey(), entry.getValue().peek().size())) {
                    List<List<AttemptRow>> chunk = entry.getValue().poll();
                    reserved.add(Map.entry(entry.getKey(), chunk));
                    chunk.forEach(call -> call.forEach(attempt -> ids.add(attempt.id())));
                }
                if (entry.getValue().isEmpty()) {
                    lane.remove();
                }
            }
            return ids;
        }

        /** The claim that reserved them failed: their slots go back, and nothing of this plan is sent. */
        void releaseReserved(ProviderCalls calls) {
            reserved.forEach(chunk -> calls.release(chunk.getKey(), chunk.getValue().size()));
            reserved.clear();
        }
    }

    /**
     * @param laneOf      the provider an attempt goes to, whose slots its call takes
     * @param recipientOf the recipient an attempt goes to: one recipient's attempts are sent one after another
     */
    static <T> Result<T> run(List<AttemptRow> claimed, Function<AttemptRow, String> laneOf, Function<AttemptRow, String> recipientOf,
            ProviderCalls calls, Duration providerLease, Clock clock, BooleanSupplier stopping, Marker marker, Function<AttemptRow, T> send) {
        return run(Plan.of(claimed, laneOf, recipientOf, calls), calls, providerLease, clock, stopping, marker, send);
    }

    static <T> Result<T> run(Plan plan, ProviderCalls calls, Duration providerLease, Clock clock, BooleanSupplier stopping, Marker marker,
            Function<AttemptRow, T> send) {
        return run(plan, calls, providerLease, clock, stopping, marker, send, SlowCalls.IGNORED);
    }

    /**
     * Sends a plan's chunks: those its claim reserved and recorded at once, then the others as their providers' slots
     * free up, each recorded by {@code marker} before its calls; tells {@code slow} about calls that keep running, and
     * answers once every call has either ended or been told about.
     */
    static <T> Result<T> run(Plan plan, ProviderCalls calls, Duration providerLease, Clock clock, BooleanSupplier stopping, Marker marker,
            Function<AttemptRow, T> send, SlowCalls slow) {
        Map<String, Deque<List<List<AttemptRow>>>> lanes = plan.lanes;
        List<Call<T>> calling = new ArrayList<>();
        Instant claimedAt = clock.instant(); // the claim recorded its reserved chunks as handed over just now
        List<AttemptRow> released = new ArrayList<>();
        List<AttemptRow> deferred = new ArrayList<>();
        if (stopping.getAsBoolean()) {
            plan.reserved.forEach(chunk -> chunk.getValue().forEach(released::addAll));
            plan.releaseReserved(calls);
        }
        else {
            plan.reserved.forEach(chunk -> chunk.getValue().forEach(oneRecipient -> calling.add(new Call<>(claimedAt, oneRecipient,
                    calls.run(chunk.getKey(), () -> oneRecipient.stream().map(send).toList())))));
            plan.reserved.clear();
        }
        Instant waitingSince = clock.instant();
        while (!lanes.isEmpty()) {
            if (stopping.getAsBoolean()) {
                lanes.values().forEach(chunks -> chunks.forEach(chunk -> chunk.forEach(released::addAll)));
                break;
            }
            boolean started = false;
            for (var lane = lanes.entrySet().iterator(); lane.hasNext();) {
                Map.Entry<String, Deque<List<List<AttemptRow>>>> entry = lane.next();
                List<List<AttemptRow>> chunk = entry.getValue().peek();
                if (!calls.tryReserve(entry.getKey(), chunk.size())) {
                    continue;
                }
                entry.getValue().poll();
                if (entry.getValue().isEmpty()) {
                    lane.remove();
                }
                started = true;
                Instant handedAt = clock.instant();
                Set<Long> stillOurs = marker.mark(chunk.stream().flatMap(List::stream).map(AttemptRow::id).toList(), handedAt,
                        handedAt.plus(providerLease));
                for (List<AttemptRow> oneRecipient : chunk) {
                    List<AttemptRow> ours = oneRecipient.stream().filter(attempt -> stillOurs.contains(attempt.id())).toList();
                    if (ours.isEmpty()) {
                        calls.release(entry.getKey(), 1);
                    }
                    else {
                        calling.add(new Call<>(handedAt, ours, calls.run(entry.getKey(), () -> ours.stream().map(send).toList())));
                    }
                }
            }
            if (started) {
                waitingSince = clock.instant();
            }
            else if (Duration.between(waitingSince, clock.instant()).compareTo(LANE_WAIT) > 0) {
                lanes.values().forEach(chunks -> chunks.forEach(chunk -> chunk.forEach(deferred::addAll)));
                break;
            }
            else {
                reportSlow(calling, slow, clock);
                awaitSlot(calls);
            }
        }
        Set<Call<T>> stillRunning = new HashSet<>(awaitCalls(calling, slow, clock)); // a Call is equal only to itself
        List<T> answers = new ArrayList<>();
        List<LateCall<T>> late = new ArrayList<>();
        for (Call<T> call : calling) {
            if (stillRunning.contains(call)) {
                late.add(new LateCall<>(call.attempts, call.answers()));
            }
            else {
                answers.addAll(call.answers().join());
            }
        }
        return new Result<>(answers, late, released, deferred);
    }

    /** One call under way: one recipient's attempts, handed over at {@code handedAt}. Only the batch's own thread reads it. */
    private static final class Call<T> {

        private final Instant handedAt;
        private final List<AttemptRow> attempts;
        private final CompletableFuture<List<T>> answers;
        /** Whether {@link SlowCalls} was told about it. */
        private boolean reported;

        Call(Instant handedAt, List<AttemptRow> attempts, CompletableFuture<List<T>> answers) {
            this.handedAt = handedAt;
            this.attempts = attempts;
            this.answers = answers;
        }

        CompletableFuture<List<T>> answers() {
            return answers;
        }
    }

    /**
     * Waits until every call has ended or turned slow (and was told about to {@code slow}); answers those still running,
     * which the batch no longer waits for. Without {@code slow.after()}, nothing: the caller waits for every call.
     */
    private static <T> List<Call<T>> awaitCalls(List<Call<T>> calling, SlowCalls slow, Clock clock) {
        if (slow.after() == null) {
            return List.of();
        }
        List<Call<T>> running = calling.stream().filter(call -> !call.answers().isDone()).toList();
        while (!running.isEmpty()) {
            reportSlow(running, slow, clock);
            if (running.stream().allMatch(call -> call.reported)) {
                return running;
            }
            try {
                CompletableFuture.allOf(running.stream().map(Call::answers).toArray(CompletableFuture[]::new))
                    .get(SLOW_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException stillRunning) {
                // look again for calls that became slow meanwhile
            }
            catch (ExecutionException failed) {
                return List.of(); // all ended, one of them badly: the caller's join reports it
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running; // their answers are recorded when they come, like a slow call's
            }
            running = running.stream().filter(call -> !call.answers().isDone()).toList();
        }
        return running;
    }

    /** Tells {@code slow} once about each call still running {@code slow.after()} after its hand-over. */
    private static <T> void reportSlow(List<Call<T>> calling, SlowCalls slow, Clock clock) {
        if (slow.after() == null) {
            return;
        }
        Instant handedBefore = clock.instant().minus(slow.after());
        List<AttemptRow> late = new ArrayList<>();
        for (Call<T> call : calling) {
            if (!call.reported && !call.answers().isDone() && !call.handedAt.isAfter(handedBefore)) {
                call.reported = true;
                late.addAll(call.attempts);
            }
        }
        if (!late.isEmpty()) {
            slow.report().accept(late);
        }
    }

    /**
     * Per lane, chunks of up to {@code size} calls; a call is one recipient's attempts in claim order (usually one).
     */
    private static Map<String, Deque<List<List<AttemptRow>>>> chunksByLane(List<AttemptRow> claimed, Function<AttemptRow, String> laneOf,
            Function<AttemptRow, String> recipientOf, int size) {
        Map<String, Map<String, List<AttemptRow>>> byLane = new LinkedHashMap<>();
        claimed.forEach(attempt -> byLane.computeIfAbsent(laneOf.apply(attempt), lane -> new LinkedHashMap<>())
            .computeIfAbsent(recipientOf.apply(attempt), recipient -> new ArrayList<>())
            .add(attempt));
        Map<String, Deque<List<List<AttemptRow>>>> chunks = new LinkedHashMap<>();
        byLane.forEach((lane, byRecipient) -> {
            List<List<AttemptRow>> calls = List.copyOf(byRecipient.values());
            Deque<List<List<AttemptRow>>> deque = new ArrayDeque<>();
            for (int from = 0; from < calls.size(); from += size) {
                deque.add(calls.subList(from, Math.min(calls.size(), from + size)));
            }
            chunks.put(lane, deque);
        });
        return chunks;
    }

    private static void awaitSlot(ProviderCalls calls) {
        try {
            calls.awaitRelease(20);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
