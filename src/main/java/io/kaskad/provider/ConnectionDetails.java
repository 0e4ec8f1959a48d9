package io.kaskad.provider;

import java.time.Instant;
import java.util.Map;

/**
 * What a provider client needs to reach a connection: its settings and its decrypted secrets. Lives
 * only in memory, inside this module; {@link #toString()} leaves the secrets out of logs.
 */
public record ConnectionDetails(long id, long companyId, String name, ProviderType type, Map<String, String> settings,
        Map<String, String> secrets, Instant updatedAt) {

    public String setting(String name) {
        return settings.get(name);
    }

    public int number(String name) {
        return Integer.parseInt(settings.get(name));
    }

    public String secret(String name) {
        return secrets.get(name);
    }

    @Override
    public String toString() {
        return "ConnectionDetails[id=" + id + ", type=" + type + ", name=" + name + "]";
    }
}
