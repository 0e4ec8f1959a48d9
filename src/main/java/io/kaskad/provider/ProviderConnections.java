package io.kaskad.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.channel.Channel;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NotFoundException;
import io.kaskad.provider.ProviderClient.CheckResult;

/**
 * A company's provider connections: add, change, check, delete. Settings are validated against the
 * type's fields with their paths ({@code settings.port}); secrets are sealed before they are stored
 * and never come back out of this service except to the provider clients.
 */
@Service
public class ProviderConnections {

    private final ProviderStore store;
    private final SecretBox secrets;
    private final ProviderClients clients;
    private final ProviderRoutes routes;
    private final ConnectionCheckLimit checkLimit;
    private final Clock clock;
    private final boolean allowPrivateNetworks;

    ProviderConnections(ProviderStore store, SecretBox secrets, ProviderClients clients, ProviderRoutes routes,
            ConnectionCheckLimit checkLimit, Clock clock,
            @Value("${kaskad.providers.allow-private-networks:true}") boolean allowPrivateNetworks) {
        this.checkLimit = checkLimit;
        this.store = store;
        this.secrets = secrets;
        this.clients = clients;
        this.routes = routes;
        this.clock = clock;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    public List<ProviderConnection> list(long companyId) {
        return store.list(companyId).stream().map(this::shown).toList();
    }

    public ProviderConnection get(long companyId, long id) {
        return shown(row(companyId, id));
    }

    /** Names of the company's connections by id (for attempts that record which connection took them). */
    public Map<Long, String> names(long companyId, List<Long> ids) {
        return store.names(companyId, ids);
    }

    @Transactional
    public ProviderConnection create(long companyId, ConnectionRequest request) {
        Valid valid = validate(request, null);
        if (store.nameTaken(companyId, valid.name(), null)) {
            throw new ConflictException("name", "provider.name.taken");
        }
        Instant now = clock.instant();
        long id = store.insert(new ProviderStore.Row(0, companyId, valid.name(), valid.type().channel(), valid.type(), valid.priority(),
                valid.enabled(), request.sendRate(), valid.settings(), secrets.seal(valid.secrets()), now, now));
        routes.forget(companyId, id);
        return get(companyId, id);
    }

    @Transactional
    public ProviderConnection update(long companyId, long id, ConnectionRequest request) {
        ProviderStore.Row existing = row(companyId, id);
        Valid valid = validate(request, existing);
        if (store.nameTaken(companyId, valid.name(), id)) {
            throw new ConflictException("name", "provider.name.taken");
        }
        store.update(new ProviderStore.Row(id, companyId, valid.name(), existing.channel(), existing.type(), valid.priority(),
                valid.enabled(), request.sendRate(), valid.settings(), secrets.seal(valid.secrets()), existing.createdAt(),
                clock.instant()));
        routes.forget(companyId, id);
        return get(companyId, id);
    }

    @Transactional
    public ProviderConnection setEnabled(long companyId, long id, boolean enabled) {
        ProviderStore.Row r = row(companyId, id);
        store.update(new ProviderStore.Row(id, companyId, r.name(), r.channel(), r.type(), r.priority(), enabled, r.sendRate(),
                r.settings(), r.sealedSecrets(), r.createdAt(), clock.instant()));
        routes.forget(companyId, id);
        return get(companyId, id);
    }

    @Transactional
    public void delete(long companyId, long id) {
        if (!store.delete(companyId, id)) {
            throw new NotFoundException("provider connection", id);
        }
        routes.forget(companyId, id);
    }

    /**
     * A real round trip to the provider (SMTP: connect, EHLO, AUTH; SMPP: bind and unbind), within the company's
     * allowance of checks ({@link ConnectionCheckLimit}).
     */
    public CheckResult check(long companyId, long id) {
        ProviderStore.Row connection = row(companyId, id);
        checkLimit.take(companyId);
        return clients.of(connection.type()).check(routes.details(connection));
    }

    private ProviderStore.Row row(long companyId, long id) {
        return store.find(companyId, id).orElseThrow(() -> new NotFoundException("provider connection", id));
    }

    private ProviderConnection shown(ProviderStore.Row row) {
        return new ProviderConnection(row.id(), row.companyId(), row.name(), row.channel(), row.type(), row.priority(), row.enabled(),
                row.sendRate(), row.settings(), new TreeSet<>(secrets.open(row.sealedSecrets()).keySet()), row.createdAt(),
                row.updatedAt());
    }

    private record Valid(String name, ProviderType type, int priority, boolean enabled, Map<String, String> settings,
            Map<String, String> secrets) {
    }

    /** Checks a request against its type; on update the type and channel are the stored ones and omitted secrets are kept. */
    private Valid validate(ConnectionRequest request, ProviderStore.Row existing) {
        List<Problem> problems = new ArrayList<>();
        ProviderType type = existing != null ? existing.type() : ProviderType.parse(request.type()).orElse(null);
        if (type == null) {
            throw new InvalidRequestException(List.of(new Problem("type", "provider.type.unknown")));
        }
        if (existing != null && request.type() != null && ProviderType.parse(request.type()).orElse(null) != type) {
            problems.add(new Problem("type", "provider.type.fixed"));
        }
        if (request.channel() != null && !request.channel().isBlank()
                && !Channel.parse(request.channel()).map(type.channel()::equals).orElse(false)) {
            problems.add(new Problem("channel", "provider.channel.mismatch", type.channel().apiName()));
        }
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new Problem("name", "provider.name.required"));
        }
        else if (request.name().strip().length() > 100) {
            problems.add(new Problem("name", "provider.setting.too-long", 100));
        }
        if (request.priority() != null && (request.priority() < 0 || request.priority() > 1000)) {
            problems.add(new Problem("priority", "provider.setting.range", 0, 1000));
        }
        if (request.sendRate() != null && (request.sendRate() < 1 || request.sendRate() > 100_000)) {
            problems.add(new Problem("sendRate", "provider.setting.range", 1, 100_000));
        }
        Map<String, Object> given = request.settings() == null ? Map.of() : request.settings();
        Map<String, String> settings = new LinkedHashMap<>();
        for (SettingField field : type.settings()) {
            Object raw = given.get(field.name());
            // a setting is one text or number: a list or an object is refused, never written out as "[…]"
            if (raw instanceof Map<?, ?> || raw instanceof Iterable<?> || raw instanceof Boolean) {
                problems.add(new Problem("settings." + field.name(), "provider.setting.not-scalar"));
                continue;
            }
            String value = text(raw);
            field.problem(value, allowPrivateNetworks).ifPresent(p -> problems.add(problem("settings." + field.name(), p)));
            String stored = field.normalise(value);
            if (stored != null) {
                settings.put(field.name(), stored);
            }
        }
        given.keySet().stream()
            .filter(name -> type.settings().stream().noneMatch(f -> f.name().equals(name)))
            .forEach(name -> problems.add(new Problem("settings." + name, "provider.setting.unknown")));
        Map<String, String> kept = existing == null ? Map.of() : secrets.open(existing.sealedSecrets());
        Map<String, String> givenSecrets = request.secrets() == null ? Map.of() : request.secrets();
        Map<String, String> newSecrets = new LinkedHashMap<>();
        for (SettingField field : type.secrets()) {
            String value = givenSecrets.containsKey(field.name()) ? text(givenSecrets.get(field.name())) : kept.get(field.name());
            field.problem(value, allowPrivateNetworks).ifPresent(p -> problems.add(problem("secrets." + field.name(), p)));
            if (value != null) {
                newSecrets.put(field.name(), value);
            }
        }
        givenSecrets.keySet().stream()
            .filter(name -> type.secrets().stream().noneMatch(f -> f.name().equals(name)))
            .forEach(name -> problems.add(new Problem("secrets." + name, "provider.setting.unknown")));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        int priority = request.priority() == null ? (existing == null ? 100 : existing.priority()) : request.priority();
        boolean enabled = request.enabled() == null ? existing == null || existing.enabled() : request.enabled();
        return new Valid(request.name().strip(), type, priority, enabled, settings, newSecrets);
    }

    private static Problem problem(String field, Object[] codeAndArgs) {
        Object[] args = new Object[codeAndArgs.length - 1];
        System.arraycopy(codeAndArgs, 1, args, 0, args.length);
        return new Problem(field, (String) codeAndArgs[0], args);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }
}
