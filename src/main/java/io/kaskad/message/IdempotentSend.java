package io.kaskad.message;

/**
 * The answer to a send that carried an {@code Idempotency-Key}: {@code json} is the body of the first
 * answer; {@code replayed} says it comes from an earlier request with the same key.
 */
public record IdempotentSend(String json, boolean replayed) {
}
