package io.kaskad.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import io.kaskad.channel.Channel;
import io.kaskad.channel.ChannelAdapter;
import io.kaskad.channel.ChannelAdapters;

/**
 * The routes of a company's attempts on a channel, in the order to try them: its enabled connections
 * by priority; without any, the installation's built-in adapter of the channel (the sandbox in the
 * embedded mode); without that, none (the attempt fails {@code NO_PROVIDER}). Routes are kept for a
 * moment: the dispatcher asks for every attempt, and a change on another node shows within
 * {@link #FRESH_FOR}.
 */
@Service
public class ProviderRoutes {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final ProviderStore store;
    private final SecretBox secrets;
    private final ProviderClients clients;
    private final ChannelAdapters builtIn;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    ProviderRoutes(ProviderStore store, SecretBox secrets, ProviderClients clients, ChannelAdapters builtIn, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.clients = clients;
        this.builtIn = builtIn;
        this.clock = clock;
    }

    public List<Route> routes(long companyId, Channel channel) {
        Instant now = clock.instant();
        Key key = new Key(companyId, channel);
        Cached cached = cache.get(key);
        if (cached == null || cached.until().isBefore(now)) {
            cached = new Cached(load(companyId, channel), now.plus(FRESH_FOR));
            cache.put(key, cached);
        }
        return cached.routes();
    }

    void forget(long companyId, long connectionId) {
        cache.keySet().removeIf(key -> key.companyId() == companyId);
        clients.forget(connectionId);
    }

    ConnectionDetails details(ProviderStore.Row row) {
        return new ConnectionDetails(row.id(), row.companyId(), row.name(), row.type(), row.settings(), secrets.open(row.sealedSecrets()),
                row.updatedAt());
    }

    private List<Route> load(long companyId, Channel channel) {
        List<ProviderStore.Row> connections = channel == Channel.CHAT ? List.of() : store.enabled(companyId, channel);
        if (connections.isEmpty()) {
            return builtIn.find(channel).map(ProviderRoutes::route).map(List::of).orElse(List.of());
        }
        return connections.stream().map(row -> {
            ProviderClient client = clients.of(row.type());
            ConnectionDetails details = details(row);
            return new Route(row.id(), row.type().name(), client.reportsDelivery(), row.sendRate(),
                    message -> client.send(details, message));
        }).toList();
    }

    private static Route route(ChannelAdapter adapter) {
        return new Route(null, adapter.provider(), adapter.reportsDelivery(), null, adapter::send);
    }

    private record Key(long companyId, Channel channel) {
    }

    private record Cached(List<Route> routes, Instant until) {
    }
}
