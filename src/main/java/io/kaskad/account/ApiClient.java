package io.kaskad.account;

/** The principal of an {@code /api/**} request: the company whose API key was presented, and which key. */
public record ApiClient(long companyId, long keyId) {
}
