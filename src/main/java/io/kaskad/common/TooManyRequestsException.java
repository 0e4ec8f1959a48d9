package io.kaskad.common;

import java.time.Duration;

/** A caller went over a rate limit: answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super(what);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a retry can succeed, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
