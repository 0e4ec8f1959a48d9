package io.kaskad.channel.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.kaskad.channel.Channel;

/**
 * How many times this node's sandbox was asked to send each attempt (by its reference), when
 * {@code kaskad.sandbox.keep-send-log} is on. Tests add the logs of several nodes to prove that no
 * attempt ever reaches a provider twice. With {@code kaskad.sandbox.send-log-file}, every send is also
 * appended to that file as it happens (written through before the send answers), so that a node killed
 * with SIGKILL leaves the record of what its "provider" received.
 */
@Component
public class SandboxSendLog implements DisposableBean {

    private final boolean enabled;
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final Writer file;

    SandboxSendLog(SandboxProperties properties) throws IOException {
        this.enabled = properties.keepSendLog();
        this.file = properties.sendLogFile() == null ? null
                : Files.newBufferedWriter(properties.sendLogFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
    }

    void record(String reference, Channel channel) {
        if (enabled) {
            sends.computeIfAbsent(reference, key -> new AtomicInteger()).incrementAndGet();
        }
        if (file != null) {
            synchronized (file) {
                try {
                    file.write(reference + " " + channel.name() + "\n");
                    file.flush(); // into the operating system, which keeps it when the process is killed
                }
                catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }
        }
    }

    /** Reference → number of sends, as seen by this node. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        sends.forEach((reference, count) -> counts.put(reference, count.get()));
        return counts;
    }

    @Override
    public void destroy() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
