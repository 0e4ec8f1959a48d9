package io.kaskad.channel;

/**
 * A provider's immediate answer to a send.
 *
 * @param status {@code ACCEPTED} (delivery is reported later, or never), {@code DELIVERED} (known at
 *               once), {@code FAILED} (the provider refused this message), {@code NO_ACCOUNT} (the
 *               recipient has no account or mailbox there), {@code TRANSIENT} (the provider could not take
 *               it now, not the recipient's fault: nothing was sent, so another connection or a later try
 *               may) or {@code UNKNOWN} (the call timed out after the message may have been taken: never
 *               resent, its delivery report is awaited)
 */
public record SendOutcome(Status status, String providerMessageId, String errorCode, String errorMessage) {

    public enum Status {
        ACCEPTED, DELIVERED, FAILED, NO_ACCOUNT, TRANSIENT, UNKNOWN
    }

    public static SendOutcome accepted(String providerMessageId) {
        return new SendOutcome(Status.ACCEPTED, providerMessageId, null, null);
    }

    public static SendOutcome failed(String errorCode, String errorMessage) {
        return new SendOutcome(Status.FAILED, null, errorCode, errorMessage);
    }

    /** The provider could not take the message now (refused connection, throttled, 4xx/5xx of its own). */
    public static SendOutcome transientFailure(String errorCode, String errorMessage) {
        return new SendOutcome(Status.TRANSIENT, null, errorCode, errorMessage);
    }

    /** The call ended without an answer after the message may have been taken. */
    public static SendOutcome unknown(String errorCode, String errorMessage) {
        return new SendOutcome(Status.UNKNOWN, null, errorCode, errorMessage);
    }

    public static SendOutcome noAccount(String errorMessage) {
        return new SendOutcome(Status.NO_ACCOUNT, null, "NO_ACCOUNT", errorMessage);
    }
}
