package io.kaskad.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaskad.dispatch.*}.
 *
 * @param interval how often each job fires on the cluster
 * @param batchSize how many rows one claim takes
 * @param maxRun how long one firing keeps draining while full batches keep coming
 * @param concurrentBatches how many dispatch firings one node runs at once (the others end at once, unclaimed); the
 *        rest of the node's Quartz threads stay free for expiry and callbacks
 */
@ConfigurationProperties("kaskad.dispatch")
record DispatchProperties(@DefaultValue("500ms") Duration interval, @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration maxRun, @DefaultValue("3") int concurrentBatches) {
}
