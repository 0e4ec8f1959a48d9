package io.kaskad.message;

/** What a bulk cancel did: how many messages were cancelled, and how many had already gone to a provider. */
public record CancelResult(int cancelled, int alreadySent) {
}
