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
}
