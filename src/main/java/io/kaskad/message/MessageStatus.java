package io.kaskad.message;

/**
 * A message's status. {@code CREATED}: accepted, not due; {@code PENDING}: due, waiting for a window
 * or a worker; {@code SENDING}: handed to a provider, no final result yet ("Отправляется");
 * {@code DELIVERED} ("Доставлено"); {@code UNDELIVERED}; {@code CANCELLED}; {@code REJECTED}
 * (invalid destination, never sent).
 */
public enum MessageStatus {
    CREATED, PENDING, SENDING, DELIVERED, UNDELIVERED, CANCELLED, REJECTED;

    public boolean isFinal() {
        return this == DELIVERED || this == UNDELIVERED || this == CANCELLED || this == REJECTED;
    }

    /**
     * Whether the dispatcher moves a message in this status on to {@code to} before any answer (PENDING: due
     * but waiting for a window or the rate limit; SENDING: an attempt's provider call is taking a while). It
     * only moves forward: from CREATED to either, from PENDING to SENDING.
     */
    public boolean claimMovesTo(MessageStatus to) {
        return (this == CREATED && to != CREATED) || (this == PENDING && to == SENDING);
    }

    /**
     * Whether a message in this status takes {@code cascade}, the status its attempts now add up to. A
     * cancelled or rejected message keeps its status (a person or the intake decided it, not a
     * provider); a message not yet due stays CREATED rather than PENDING.
     */
    public boolean followsCascadeTo(MessageStatus cascade) {
        if (this == CANCELLED || this == REJECTED || cascade == this) {
            return false;
        }
        return !(this == CREATED && cascade == PENDING);
    }
}
