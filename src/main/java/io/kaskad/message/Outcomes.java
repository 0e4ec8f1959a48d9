package io.kaskad.message;

import java.time.Instant;

/**
 * What becomes of an attempt whose provider call ran past its lease. Handed over, the provider has
 * probably accepted it — the node died or its connection broke before the answer was stored. Sending
 * the next channel then would reach the recipient twice, so the outcome is unknown, not failed: the
 * attempt waits for its delivery report (matched by Kaskad's reference when the provider's id was never
 * recorded) until its validity runs out, as any sent attempt does; for a provider that never reports
 * delivery, an unknown outcome counts as delivered (a missed fallback is better than a double). Never
 * handed over, it was claimed by a node that stopped first: it is queued again and sent once.
 */
final class Outcomes {

    static final String UNKNOWN = "OUTCOME_UNKNOWN";

    private Outcomes() {
    }

    /**
     * @param handedOverAt   when the attempt was handed to its provider, or null when it never was
     * @param reportDeadline when a handed-over attempt stops waiting for its report (its validity, counted
     *                       by the message's windows from the hand-over); unused when never handed over
     */
    static AttemptRow afterLostAnswer(AttemptRow attempt, Instant handedOverAt, boolean providerReportsDelivery, String provider,
            Instant reportDeadline, Instant now) {
        if (handedOverAt == null) {
            return attempt.withStatus(AttemptStatus.QUEUED, now);
        }
        if (!providerReportsDelivery) {
            return attempt.finished(AttemptStatus.DELIVERED, provider, null, UNKNOWN,
                    "The provider's answer was lost; it never reports delivery, so the message counts as delivered", now);
        }
        return attempt.sentWithUnknownOutcome(provider, handedOverAt, reportDeadline);
    }
}
