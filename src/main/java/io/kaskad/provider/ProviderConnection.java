package io.kaskad.provider;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.kaskad.channel.Channel;

/**
 * A company's connection to one of its providers as it may be shown: its settings, and only the
 * names of the secrets that are set, never their values.
 *
 * @param priority lower goes first among the connections of one channel
 * @param sendRate messages per second across the cluster, or null for no limit beyond the company's
 */
public record ProviderConnection(long id, long companyId, String name, Channel channel, ProviderType type, int priority,
        boolean enabled, Integer sendRate, Map<String, String> settings, Set<String> secretsSet, Instant createdAt,
        Instant updatedAt) {
}
