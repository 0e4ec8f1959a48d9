package io.kaskad.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A company's key for the HTTP API. Only its hash is kept; the key itself is shown once, at creation. */
@Table("api_key")
public record ApiKey(@Id Long id, long companyId, String name, String keyPrefix, String keyHash, Instant createdAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    ApiKey revoke(Instant now) {
        return new ApiKey(id, companyId, name, keyPrefix, keyHash, createdAt, now);
    }
}
