package io.kaskad.account;

import java.time.Clock;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.ConflictException;
import io.kaskad.common.NotFoundException;

/** The users of one company, as its own users manage them in the portal. */
@Service
public class UserService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwords;
    private final Clock clock;

    UserService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock, PasswordPolicy passwords) {
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

    @Transactional
    UserAccount createAdmin(String username, String rawPassword) {
        passwords.require("password", username, rawPassword);
        return users.save(UserAccount.admin(username, passwordEncoder.encode(rawPassword), clock.instant()));
    }

    boolean exists(String username) {
        return users.existsByUsername(username);
    }
}
