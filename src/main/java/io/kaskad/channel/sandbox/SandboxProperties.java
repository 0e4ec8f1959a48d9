package io.kaskad.channel.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaskad.sandbox.*}: the sandbox provider, on by default so that the product can be tried
 * without provider accounts.
 *
 * @param deliveryDelay how long after acceptance the simulated delivery report arrives (0 for benchmarks)
 * @param keepSendLog keep every send's reference in memory ({@link SandboxSendLog}), for tests that
 *                    prove nothing is sent twice; off in production, where it would only grow
 */
@ConfigurationProperties("kaskad.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration deliveryDelay,
        @DefaultValue("false") boolean keepSendLog) {
}
