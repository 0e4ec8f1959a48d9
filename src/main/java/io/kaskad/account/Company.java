package io.kaskad.account;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A tenant: every client user, API key and message belongs to exactly one company.
 * {@code notificationEmail} (optional) hears about decisions such as template moderation.
 */
@Table("company")
public record Company(@Id Long id, String name, String timezone, int sendRateLimit, boolean blocked, Instant createdAt,
        String notificationEmail) {

    public static final String DEFAULT_TIMEZONE = "Europe/Moscow";
    public static final int DEFAULT_SEND_RATE_LIMIT = 50;

    static Company create(String name, String timezone, int sendRateLimit, Instant now) {
        return new Company(null, name, timezone, sendRateLimit, false, now, null);
    }

    public ZoneId zoneId() {
        return ZoneId.of(timezone);
    }

    Company withSettings(String timezone, int sendRateLimit, String notificationEmail) {
        return new Company(id, name, timezone, sendRateLimit, blocked, createdAt, notificationEmail);
    }

    Company withBlocked(boolean blocked) {
        return new Company(id, name, timezone, sendRateLimit, blocked, createdAt, notificationEmail);
    }
}
