package io.kaskad.account;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;

/** The users of one company, as its own users manage them in the portal. */
@Service
public class UserService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwords;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId installationZone;

    UserService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock, PasswordPolicy passwords, JdbcClient jdbc,
            @Value("${kaskad.time-zone:}") String installationZone) {
        this.installationZone = installationZone == null || installationZone.isBlank() ? ZoneId.systemDefault()
                : ZoneId.of(installationZone.strip());
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public List<UserAccount> list(long companyId) {
        return users.findAllByCompanyIdOrderByUsernameAsc(companyId);
    }

    public long count(long companyId) {
        return users.countByCompanyId(companyId);
    }

    @Transactional
    public UserAccount createClient(long companyId, String username, String rawPassword) {
        passwords.require("password", username, rawPassword);
        if (users.existsByUsername(username)) {
            throw new ConflictException("username", "user.username.taken");
        }
        return UniqueNames.insert(
                () -> users.save(UserAccount.client(companyId, username, passwordEncoder.encode(rawPassword), clock.instant())));
    }

    /** Enables or disables a user of the company; nobody can lock themselves out. */
    @Transactional
    public UserAccount setEnabled(long companyId, long userId, boolean enabled, long actingUserId) {
        UserAccount user = users.findByIdAndCompanyId(userId, companyId).orElseThrow(() -> new NotFoundException("User", userId));
        if (!enabled && user.id() == actingUserId) {
            throw new ConflictException("enabled", "user.disable.self");
        }
        return users.save(user.withEnabled(enabled));
    }

    /**
     * A signed-in user replaces their own password: the current one is required, the policy applies, and the new one
     * must differ. The user's remember-me tokens end, so no other browser stays signed in with the old password.
     */
    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidRequestException(List.of(new Problem("currentPassword", "password.change.wrong-current")));
        }
        passwords.require("newPassword", user.username(), newPassword);
        if (passwordEncoder.matches(newPassword, user.passwordHash())) {
            throw new InvalidRequestException(List.of(new Problem("newPassword", "password.change.same")));
        }
        users.save(user.withOwnPassword(passwordEncoder.encode(newPassword)));
        forgetRememberedLogins(user.username());
    }

    /**
     * A platform admin gives a user a temporary password (the policy applies); the user must choose their own at the
     * next sign-in, and their remember-me tokens end.
     */
    @Transactional
    public UserAccount resetPassword(long userId, String temporaryPassword) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        passwords.require("password", user.username(), temporaryPassword);
        UserAccount reset = users.save(user.withTemporaryPassword(passwordEncoder.encode(temporaryPassword)));
        forgetRememberedLogins(user.username());
        return reset;
    }

    /** The zone an admin's pages show times in: their own choice, else the installation's ({@code kaskad.time-zone}). */
    public ZoneId adminZone(long userId) {
        return users.findById(userId).map(UserAccount::timeZone).filter(ZoneId.getAvailableZoneIds()::contains).map(ZoneId::of)
            .orElse(installationZone);
    }

    /** The installation's time zone, which admins see until they choose their own. */
    public ZoneId installationZone() {
        return installationZone;
    }

    /** An admin chooses the zone of their pages' times; blank: the installation's again. */
    public void setTimeZone(long userId, String zone) {
        String chosen = zone == null || zone.isBlank() ? null : zone.strip();
        if (chosen != null && !ZoneId.getAvailableZoneIds().contains(chosen)) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem("timeZone", "validation.timezone", chosen)));
        }
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        users.save(user.withTimeZone(chosen));
    }

    /** Whether an admin reset the user's password and the user has not chosen their own since. */
    public boolean mustChangePassword(long userId) {
        return users.findById(userId).map(UserAccount::passwordChangeRequired).orElse(false);
    }

    /** Users whose name contains {@code query} (any case), by name, at most {@code limit}: the admins' user search. */
    public List<UserAccount> search(String query, int limit) {
        return users.findByUsernameContainingIgnoreCaseOrderByUsernameAsc(query == null ? "" : query.strip(), Limit.of(limit));
    }

    private void forgetRememberedLogins(String username) {
        jdbc.sql("DELETE FROM persistent_logins WHERE username = ?").param(username).update();
    }

    @Transactional
    UserAccount createAdmin(String username, String rawPassword) {
        passwords.require("password", username, rawPassword);
        return users.save(UserAccount.admin(username, passwordEncoder.encode(rawPassword), clock.instant()));
    }

    boolean exists(String username) {
        return users.existsByUsername(username);
    }
}
