package io.kaskad.channel.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaskad.sandbox.*}: the sandbox provider, on by default so that the product can be tried
 * without provider accounts.
 *
 * @param deliveryDelay how long after acceptance the simulated delivery report arrives (0 for benchmarks)
 */
@ConfigurationProperties("kaskad.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration deliveryDelay) {
}
