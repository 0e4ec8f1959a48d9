package io.kaskad.message;

/**
 * The status of one channel's attempt. {@code SENDING} is the short moment between a worker's claim
 * and the provider's answer; an attempt left there by a crash fails after its lease rather than
 * being sent again, so nothing is ever sent twice.
 */
public enum AttemptStatus {
    WAITING, QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, NO_ACCOUNT, EXPIRED, SKIPPED, CANCELLED;

    public boolean isFinal() {
        return switch (this) {
            case DELIVERED, READ, FAILED, NO_ACCOUNT, EXPIRED, SKIPPED, CANCELLED -> true;
            default -> false;
        };
    }

    public boolean isDelivered() {
        return this == DELIVERED || this == READ;
    }

    /** Ended without reaching the recipient: the cascade moves on to the next channel. */
    public boolean isFallback() {
        return this == FAILED || this == NO_ACCOUNT || this == EXPIRED;
    }

    /**
     * Whether the provider's answer to this node's call (or its loss, or a hand-back before the call)
     * applies: only while the attempt is still SENDING. Once a report has settled it, a late answer
     * changes nothing.
     */
    public boolean awaitsAnswer() {
        return this == SENDING;
    }

    /** Whether the validity period running out without a report expires the attempt: only a SENT one waits for a report so. */
    public boolean awaitsReport() {
        return this == SENT;
    }

    /**
     * Whether a provider's report that the attempt reached {@code reported} applies to an attempt in this
     * status. A report may overtake our record of the answer (SENDING), and a delivery reported after the
     * attempt expired waiting is still a delivery; READ also follows DELIVERED. Nothing moves a final
     * attempt otherwise.
     */
    public boolean takesReport(AttemptStatus reported) {
        return switch (reported) {
            case DELIVERED -> this == SENDING || this == SENT || this == EXPIRED;
            case READ -> this == SENDING || this == SENT || this == DELIVERED || this == EXPIRED;
            case FAILED, NO_ACCOUNT, EXPIRED -> this == SENDING || this == SENT;
            default -> false;
        };
    }

    /** The provider has it (or had it): the message can no longer be cancelled. */
    public boolean isHandedToProvider() {
        return this == SENDING || this == SENT || isDelivered() || this == FAILED || this == NO_ACCOUNT || this == EXPIRED;
    }
}
