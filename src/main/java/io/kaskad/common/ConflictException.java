package io.kaskad.common;

/**
 * A request that is well formed but clashes with data that exists (a taken name, say).
 * {@code field} names the input at fault; {@code messageCode} is a key of {@code messages*.properties}.
 */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String messageCode;

    public ConflictException(String field, String messageCode) {
        super(messageCode + " (" + field + ")");
        this.field = field;
        this.messageCode = messageCode;
    }

    public String field() {
        return field;
    }

    public String messageCode() {
        return messageCode;
    }
}
