package io.kaskad.notice;

import java.time.Instant;

/** One notice: a message key with its subject and detail, a link to what it is about, and whether it was read. */
public record Notice(long id, String messageCode, String subject, String detail, String link, Instant createdAt, boolean read) {
}
