package io.kaskad.message;

/** The same Idempotency-Key came with a different request body (answered 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different request. Use a new key for a new request.");
    }
}
