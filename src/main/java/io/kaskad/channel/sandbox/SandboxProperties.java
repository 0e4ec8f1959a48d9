package io.kaskad.channel.sandbox;

import java.nio.file.Path;
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
 * @param sendLogFile also append every send's reference and channel to this file, one line each, as it
 *                    happens: what the "provider" received survives a killed node (the chaos benchmark)
 * @param answerDelay how long the sandbox takes to answer a send, as a real provider's network and
 *                    processing do (0 by default; the benchmark measures dispatch at 100 ms)
 */
@ConfigurationProperties("kaskad.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration deliveryDelay,
        @DefaultValue("false") boolean keepSendLog, Path sendLogFile, @DefaultValue("0ms") Duration answerDelay) {
}
