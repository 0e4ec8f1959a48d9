package io.kaskad.account;

/** A key just created: {@code secret} is the full key value, available only in this moment. */
public record IssuedApiKey(ApiKey key, String secret) {
}
