package io.kaskad.channel;

/**
 * A provider's immediate answer to a send.
 *
 * @param status {@code ACCEPTED} (delivery is reported later, or never), {@code DELIVERED} (known at
 *               once), {@code FAILED} (provider error) or {@code NO_ACCOUNT} (no account on this messenger)
 */
public record SendOutcome(Status status, String providerMessageId, String errorCode, String errorMessage) {

    public enum Status {
        ACCEPTED, DELIVERED, FAILED, NO_ACCOUNT
    }

    public static SendOutcome accepted(String providerMessageId) {
        return new SendOutcome(Status.ACCEPTED, providerMessageId, null, null);
    }

    public static SendOutcome failed(String errorCode, String errorMessage) {
        return new SendOutcome(Status.FAILED, null, errorCode, errorMessage);
    }

    public static SendOutcome noAccount(String errorMessage) {
        return new SendOutcome(Status.NO_ACCOUNT, null, "NO_ACCOUNT", errorMessage);
    }
}
