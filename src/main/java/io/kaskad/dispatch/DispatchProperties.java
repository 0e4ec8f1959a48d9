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
 */
@ConfigurationProperties("kaskad.dispatch")
record DispatchProperties(@DefaultValue("500ms") Duration interval, @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration maxRun) {
}
