package io.kaskad.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs into the portal. Admins have no company. {@code passwordChangeRequired}: an admin reset the
 * password, and the user must choose their own at the next sign-in before anything else. {@code timeZone}: an admin's
 * own zone for the times on their pages (null: the installation's); a client sees the company's.
 */
@Table("app_user")
public record UserAccount(@Id Long id, Long companyId, String username, String passwordHash, Role role, boolean enabled,
        Instant createdAt, boolean passwordChangeRequired, String timeZone) {

    static UserAccount client(long companyId, String username, String passwordHash, Instant now) {
        return new UserAccount(null, companyId, username, passwordHash, Role.CLIENT, true, now, false, null);
    }

    static UserAccount admin(String username, String passwordHash, Instant now) {
        return new UserAccount(null, null, username, passwordHash, Role.ADMIN, true, now, false, null);
    }

    UserAccount withEnabled(boolean enabled) {
        return new UserAccount(id, companyId, username, passwordHash, role, enabled, createdAt, passwordChangeRequired, timeZone);
    }

    /** The user chose this password themselves. */
    UserAccount withOwnPassword(String hash) {
        return new UserAccount(id, companyId, username, hash, role, enabled, createdAt, false, timeZone);
    }

    /** An admin set this password: the user must replace it at the next sign-in. */
    UserAccount withTemporaryPassword(String hash) {
        return new UserAccount(id, companyId, username, hash, role, enabled, createdAt, true, timeZone);
    }

    UserAccount withTimeZone(String zone) {
        return new UserAccount(id, companyId, username, passwordHash, role, enabled, createdAt, passwordChangeRequired, zone);
    }
}
