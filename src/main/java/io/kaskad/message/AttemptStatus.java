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

    /** The provider has it (or had it): the message can no longer be cancelled. */
    public boolean isHandedToProvider() {
        return this == SENDING || this == SENT || isDelivered() || this == FAILED || this == NO_ACCOUNT || this == EXPIRED;
    }
}
