package io.kaskad.chat;

/**
 * Where a chat session stands. The bot talks while {@code ACTIVE}; {@code WAITING_OPERATOR} after the
 * scenario handed the dialog over; {@code OPERATOR} while an operator has it; {@code CLOSED} when the
 * scenario or an operator ended it; {@code EXPIRED} after its lifetime of inactivity.
 */
public enum SessionStatus {
    ACTIVE, WAITING_OPERATOR, OPERATOR, CLOSED, EXPIRED;

    public boolean open() {
        return this != CLOSED && this != EXPIRED;
    }
}
