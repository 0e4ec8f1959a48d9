package io.kaskad.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.LogSafe;
import io.kaskad.common.Strings;

/**
 * Slows down password guessing, after OWASP's guidance: every failed portal login is recorded and counted per
 * address and per user name — or, for a browser that has signed in as that user before (a valid
 * {@link DeviceCookies device cookie}), per that device instead of the user name. At {@code maxFailuresPerUser}
 * failures (or, for an address shared by many people behind one NAT, {@code maxFailuresPerAddress}) further logins
 * are refused for a short lock that doubles with each failure (1, 2, 4 … minutes, at most {@code maxLock}); a login
 * during the lock is refused without looking at the password, so a lock tells nothing about it. So an attacker who
 * knows a user name locks out only browsers that never signed in as that user, never the user's own. A counter
 * starts again after a quiet {@code window}; a successful login clears the counter it was judged by. Admins see
 * the user names under attack and can lift a lock.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String USER = "user:";
    private static final String ADDRESS = "address:";
    private static final String DEVICE = "device:";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginThrottleProperties properties;

    LoginThrottle(JdbcClient jdbc, Clock clock, LoginThrottleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A lock on the user name or the address, as shown to admins. */
    public record Lock(String key, int failures, Instant lockedUntil) {

        public boolean isUser() {
            return key.startsWith(USER);
        }

        public boolean isDevice() {
            return key.startsWith(DEVICE);
        }

        public String subject() {
            return key.substring(key.indexOf(':') + 1);
        }
    }

    /** How long logins of this user name from this address (and this device, when trusted) stay refused, if they are. */
    public Optional<Duration> lockedFor(String username, String address, Optional<String> device) {
        Instant now = clock.instant();
        return List.of(nameOrDeviceKey(username, device), addressKey(address)).stream()
            .map(key -> jdbc.sql("SELECT locked_until FROM login_throttle WHERE throttle_key = ?").param(key).query(Timestamp.class).optional())
            .flatMap(Optional::stream)
            .map(Timestamp::toInstant)
            .filter(until -> until.isAfter(now))
            .max(Instant::compareTo)
            .map(until -> Duration.between(now, until));
    }

    @Transactional
    public void failed(String username, String address, Optional<String> device) {
        Instant now = clock.instant();
        String name = Strings.cut(username == null ? "" : username, 100);
        jdbc.sql("INSERT INTO login_failure (username, address, created_at) VALUES (?, ?, ?)")
            .params(name, Strings.cut(address, 64), Timestamp.from(now))
            .update();
        count(nameOrDeviceKey(username, device), properties.maxFailuresPerUser(), now);
        count(addressKey(address), properties.maxFailuresPerAddress(), now);
        log.warn("Failed portal login for '{}' from {}{}", LogSafe.of(name), LogSafe.of(address), device.isPresent() ? " (a known device)" : "");
    }

    @Transactional
    public void succeeded(String username, Optional<String> device) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(nameOrDeviceKey(username, device)).update();
    }

    /** A user name that failed logins were tried for since {@code since}: how often, from how many addresses, when last. */
    public record Attack(String username, long failures, long addresses, Instant lastAt) {
    }

    /** The user names most failed logins were tried for since {@code since}, most first (at most {@code limit}). */
    public List<Attack> attacks(Instant since, int limit) {
        return jdbc.sql("""
                SELECT username, COUNT(*) AS failures, COUNT(DISTINCT address) AS addresses, MAX(created_at) AS last_at
                FROM login_failure WHERE created_at >= ? GROUP BY username ORDER BY failures DESC, last_at DESC LIMIT ?""")
            .params(Timestamp.from(since), limit)
            .query((rs, row) -> new Attack(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
            .list();
    }

    /** The locks in force now, longest first. */
    public List<Lock> locks() {
        return jdbc.sql("SELECT throttle_key, failures, locked_until FROM login_throttle WHERE locked_until > ? ORDER BY locked_until DESC")
            .param(Timestamp.from(clock.instant()))
            .query((rs, row) -> new Lock(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
            .list();
    }

    /** An admin lifts a lock: the user name or address may log in again at once. */
    @Transactional
    public void lift(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
        log.info("Login lock {} lifted by an admin", LogSafe.of(key));
    }

    /** Failed logins recorded since {@code since}, for the admin page. */
    public long failuresSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE created_at >= ?").param(Timestamp.from(since)).query(Long.class).single();
    }

    private void count(String key, int allowed, Instant now) {
        Optional<Integer> before = jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = ? AND last_failure_at > ? FOR UPDATE")
            .params(key, Timestamp.from(now.minus(properties.window())))
            .query(Integer.class)
            .optional();
        int failures = before.orElse(0) + 1;
        // the allowed-th failure locks: five allowed, the fifth wrong password is the last one looked at
        Timestamp lockedUntil = failures >= allowed ? Timestamp.from(now.plus(lock(failures - allowed + 1))) : null;
        int updated = jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE throttle_key = ?")
            .params(failures, Timestamp.from(now), lockedUntil, key)
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)")
                .params(key, failures, Timestamp.from(now), lockedUntil)
                .update();
        }
    }

    /** 1, 2, 4 … times the base lock for the 1st, 2nd, 3rd … failure over the limit, at most the longest lock. */
    private Duration lock(int overLimit) {
        Duration lock = properties.baseLock().multipliedBy(1L << Math.min(overLimit - 1, 20));
        return lock.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : lock;
    }

    private static String userKey(String username) {
        return Strings.cut(USER + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)), 200);
    }

    private static String nameOrDeviceKey(String username, Optional<String> device) {
        return device.map(id -> Strings.cut(DEVICE + id, 200)).orElseGet(() -> userKey(username));
    }

    private static String addressKey(String address) {
        return Strings.cut(ADDRESS + address, 200);
    }
}
