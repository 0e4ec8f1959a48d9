package io.kaskad.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changes one transaction makes to the counters ({@link MessageCounts}), summed per counter: a batch of a
 * thousand messages accepted in one hour adds one row per counter it touches, not one per message.
 */
final class CountChanges {

    /** One counter: a company's messages accepted in one hour (UTC), on a channel ({@code ""}: all), of one measure. */
    record Key(long companyId, Instant hour, String channel, String measure) {
    }

    private final Map<Key, Long> amounts = new LinkedHashMap<>();

    /** Adds {@code amount} to the counter of a message accepted at {@code acceptedAt}. */
    void add(long companyId, Instant acceptedAt, String channel, String measure, long amount) {
        amounts.merge(new Key(companyId, hourOf(acceptedAt), channel, measure), amount, Long::sum);
    }

    /** The counters that change, each with its summed amount (those that add up to nothing left out). */
    Map<Key, Long> amounts() {
        Map<Key, Long> changed = new LinkedHashMap<>();
        amounts.forEach((key, amount) -> {
            if (amount != 0) {
                changed.put(key, amount);
            }
        });
        return changed;
    }

    static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }
}
