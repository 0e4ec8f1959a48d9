package io.kaskad.channel.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * How many times this node's sandbox was asked to send each attempt (by its reference), when
 * {@code kaskad.sandbox.keep-send-log} is on. Tests add the logs of several nodes to prove that no
 * attempt ever reaches a provider twice.
 */
@Component
public class SandboxSendLog {

    private final boolean enabled;
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    SandboxSendLog(SandboxProperties properties) {
        this.enabled = properties.keepSendLog();
    }

    void record(String reference) {
        if (enabled) {
            sends.computeIfAbsent(reference, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Reference → number of sends, as seen by this node. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        sends.forEach((reference, count) -> counts.put(reference, count.get()));
        return counts;
    }
}
