package io.kaskad.provider;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.kaskad.common.BucketsByKey;
import io.kaskad.common.TooManyRequestsException;

/**
 * How many connection checks a company may run a minute ({@code kaskad.providers.checks-per-minute}, 10 by
 * default), on this node. A check opens a real connection to a host the company names: unlimited, it would let
 * a company probe the hosts and ports around the installation as fast as it can ask.
 */
@Component
class ConnectionCheckLimit {

    private static final int MAX_COMPANIES = 10_000;

    private final BucketsByKey buckets = new BucketsByKey(MAX_COMPANIES);
    private final int perMinute;

    ConnectionCheckLimit(@Value("${kaskad.providers.checks-per-minute:10}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one check of the company's allowance, or refuses with the time until the next one. */
    void take(long companyId) {
        Bucket bucket = buckets.get("company:" + companyId, () -> BucketsByKey.perMinute(perMinute));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many connection checks", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
