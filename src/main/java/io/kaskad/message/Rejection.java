package io.kaskad.message;

/**
 * Why a destination was not accepted: a stable code for machines ({@code INVALID_PHONE},
 * {@code NO_ADDRESS}, {@code MISSING_VARIABLE}, …), the field's path in the request, and a message key
 * with its arguments for people.
 */
public record Rejection(String code, String field, String messageCode, Object... args) {
}
