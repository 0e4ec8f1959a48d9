package io.kaskad.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kaskad.security.login.*}: when failed logins lock a user name or an address, and for how long ({@link LoginThrottle}). */
@ConfigurationProperties("kaskad.security.login")
record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("1m") Duration baseLock, @DefaultValue("15m") Duration maxLock, @DefaultValue("1h") Duration window) {
}
