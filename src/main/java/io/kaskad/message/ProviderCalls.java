package io.kaskad.message;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The provider calls in flight on this node: at most {@code kaskad.dispatch.max-in-flight} at once,
 * and at most {@code kaskad.dispatch.max-in-flight-per-provider} for any one provider (connection or
 * built-in adapter), so that a slow provider holding its share cannot take the slots of the others.
 * Calls run on their own threads: a provider answering in 100 ms keeps a batch's calls overlapping
 * instead of queued one behind another. On shutdown the calls under way are waited for, so their answers
 * are recorded before the database goes away.
 */
@Component
class ProviderCalls implements DisposableBean {

    private final int maxInFlight;
    private final int maxPerProvider;
    private final ThreadPoolExecutor threads;
    private final Map<String, Integer> perProvider = new HashMap<>();
    private int inFlight;

    ProviderCalls(@Value("${kaskad.dispatch.max-in-flight:1024}") int maxInFlight,
            @Value("${kaskad.dispatch.max-in-flight-per-provider:768}") int maxPerProvider) {
        this.maxInFlight = maxInFlight;
        this.maxPerProvider = Math.min(maxPerProvider, maxInFlight);
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(maxInFlight, maxInFlight, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "provider-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.threads.allowCoreThreadTimeOut(true);
    }

    /** The most calls one provider may have at once: a hand-over chunk is never larger. */
    int maxPerProvider() {
        return maxPerProvider;
    }

    /** Reserves {@code n} calls to {@code provider} when both limits allow it now. */
    synchronized boolean tryReserve(String provider, int n) {
        int busy = perProvider.getOrDefault(provider, 0);
        if (inFlight + n > maxInFlight || busy + n > maxPerProvider) {
            return false;
        }
        inFlight += n;
        perProvider.put(provider, busy + n);
        return true;
    }

    synchronized void release(String provider, int n) {
        inFlight -= n;
        int left = perProvider.getOrDefault(provider, 0) - n;
        if (left <= 0) {
            perProvider.remove(provider);
        }
        else {
            perProvider.put(provider, left);
        }
        notifyAll();
    }

    /** Waits until a call ends or {@code millis} pass. */
    synchronized void awaitRelease(long millis) throws InterruptedException {
        wait(millis);
    }

    /** Runs a reserved call; its slot is released when it ends, however it ends. */
    <T> CompletableFuture<T> run(String provider, Supplier<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.get();
            }
            finally {
                release(provider, 1);
            }
        }, threads);
    }

    /** Takes no more calls and waits (at most a provider lease) for those under way. */
    void finish() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(Dispatcher.PROVIDER_LEASE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        finish();
    }
}
