package io.kaskad.task;

import java.io.IOException;

/** A task file that would cost more to read than {@link FileLimits} allow: refused with the limit it broke. */
final class FileLimitExceededException extends IOException {

    private final String messageKey;
    private final transient Object[] arguments;

    FileLimitExceededException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
