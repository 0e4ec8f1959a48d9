package io.kaskad.account;

import java.security.SecureRandom;

import io.kaskad.common.Sha256;

/**
 * Makes and hashes API key values. Keys are 40 random base-62 characters after {@code ksk_}, so a
 * plain SHA-256 is enough to store them (a slow password hash would only slow every API call).
 */
final class ApiKeySecrets {

    static final String PREFIX = "ksk_";
    static final int MIN_LENGTH = 20;
    private static final int RANDOM_CHARS = 40;
    private static final int SHOWN_PREFIX_LENGTH = 10;
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    static String generate() {
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }

    static String shownPrefix(String key) {
        return key.substring(0, Math.min(SHOWN_PREFIX_LENGTH, key.length()));
    }
}
