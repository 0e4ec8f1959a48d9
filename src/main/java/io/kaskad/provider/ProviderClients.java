package io.kaskad.provider;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The client of each provider type. */
@Component
class ProviderClients {

    private final Map<ProviderType, ProviderClient> byType = new EnumMap<>(ProviderType.class);

    ProviderClients(List<ProviderClient> clients) {
        clients.forEach(client -> byType.put(client.type(), client));
    }

    ProviderClient of(ProviderType type) {
        ProviderClient client = byType.get(type);
        if (client == null) {
            throw new IllegalStateException("No client for provider type " + type);
        }
        return client;
    }

    void forget(long connectionId) {
        byType.values().forEach(client -> client.forget(connectionId));
    }
}
