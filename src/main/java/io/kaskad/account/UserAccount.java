package io.kaskad.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A person who logs into the portal. Admins have no company. */
@Table("app_user")
public record UserAccount(@Id Long id, Long companyId, String username, String passwordHash, Role role, boolean enabled,
        Instant createdAt) {

    static UserAccount client(long companyId, String username, String passwordHash, Instant now) {
        return new UserAccount(null, companyId, username, passwordHash, Role.CLIENT, true, now);
    }

    static UserAccount admin(String username, String passwordHash, Instant now) {
        return new UserAccount(null, null, username, passwordHash, Role.ADMIN, true, now);
    }

    UserAccount withEnabled(boolean enabled) {
        return new UserAccount(id, companyId, username, passwordHash, role, enabled, createdAt);
    }
}
