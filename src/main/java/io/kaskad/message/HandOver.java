package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Hands claimed attempts to their providers, a chunk at a time, recording each chunk as handed over
 * <em>before</em> its calls. A crash then leaves one of two traces: claimed and never handed over (sent
 * again, safely, once the claim's lease has run out) or handed over with the answer unknown (never sent
 * again; see {@link Outcomes#afterLostAnswer}). The provider lease of an attempt counts from its
 * chunk's hand-over, not from the claim of the batch, so attempts waiting their turn behind slow calls
 * do not run out of time unsent. Between chunks a stopping node hands the rest back; a chunk whose
 * claim was lost (its lease ran out and another node took it) is not sent.
 */
final class HandOver {

    /** Attempts recorded as handed over one statement at a time: few enough that a crash mid-chunk leaves few unknowns. */
    static final int CHUNK = 25;

    /** Records attempts as handed over until {@code leaseEnd}; answers those still claimed by this batch. */
    interface Marker {
        Set<Long> mark(List<Long> attemptIds, Instant handedAt, Instant leaseEnd);
    }

    /** What a batch came to: the providers' answers, and the attempts handed back unsent. */
    record Result<T>(List<T> answers, List<AttemptRow> released) {
    }

    private HandOver() {
    }

    static <T> Result<T> run(List<AttemptRow> claimed, Duration providerLease, Clock clock, BooleanSupplier stopping, Marker marker,
            Function<AttemptRow, T> send) {
        List<T> answers = new ArrayList<>();
        List<AttemptRow> released = new ArrayList<>();
        for (int from = 0; from < claimed.size(); from += CHUNK) {
            List<AttemptRow> chunk = claimed.subList(from, Math.min(claimed.size(), from + CHUNK));
            if (stopping.getAsBoolean()) {
                released.addAll(chunk);
                continue;
            }
            Instant handedAt = clock.instant();
            Set<Long> stillOurs = marker.mark(chunk.stream().map(AttemptRow::id).toList(), handedAt, handedAt.plus(providerLease));
            for (AttemptRow attempt : chunk) {
                if (stillOurs.contains(attempt.id())) {
                    answers.add(send.apply(attempt));
                }
            }
        }
        return new Result<>(answers, released);
    }
}
