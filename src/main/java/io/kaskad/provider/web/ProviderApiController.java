package io.kaskad.provider.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.provider.ConnectionRequest;
import io.kaskad.provider.ProviderClient.CheckResult;
import io.kaskad.provider.ProviderConnection;
import io.kaskad.provider.ProviderConnections;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The calling company's provider connections. Secrets are write-only: an answer names the secrets
 * that are set ({@code "password": "set"}), never their values.
 */
@Tag(name = "Провайдеры", description = "Подключения компании к её провайдерам (SMTP, SMPP): настройки, секреты, проверка")
@RestController
@RequestMapping("/api/v1/providers")
class ProviderApiController {

    private final ProviderConnections connections;
    private final MessageSource messages;

    ProviderApiController(ProviderConnections connections, MessageSource messages) {
        this.connections = connections;
        this.messages = messages;
    }

    @GetMapping
    List<ConnectionResponse> list(@AuthenticationPrincipal ApiClient client) {
        return connections.list(client.companyId()).stream().map(ConnectionResponse::of).toList();
    }

    @GetMapping("/{id}")
    ConnectionResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
        return ConnectionResponse.of(connections.get(client.companyId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConnectionResponse create(@AuthenticationPrincipal ApiClient client, @Valid @RequestBody ConnectionRequest request) {
        return ConnectionResponse.of(connections.create(client.companyId(), request));
    }

    @PutMapping("/{id}")
    ConnectionResponse update(@AuthenticationPrincipal ApiClient client, @PathVariable long id, @Valid @RequestBody ConnectionRequest request) {
        return ConnectionResponse.of(connections.update(client.companyId(), id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
        connections.delete(client.companyId(), id);
    }

    /** A real round trip; {@code ok} false with {@code problem} (a code) and {@code message} in plain words. */
    @PostMapping("/{id}/check")
    CheckResponse check(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
        CheckResult result = connections.check(client.companyId(), id);
        String message = result.ok() ? null
                : messages.getMessage("provider.check." + result.problem(), new Object[] { result.detail() }, LocaleContextHolder.getLocale());
        return new CheckResponse(result.ok(), result.problem(), message, result.detail());
    }

    record CheckResponse(boolean ok, String problem, String message, String detail) {
    }

    record ConnectionResponse(long id, String name, String channel, String type, int priority, boolean enabled, Integer sendRate,
            Map<String, String> settings, Map<String, String> secrets, Instant createdAt, Instant updatedAt) {

        static ConnectionResponse of(ProviderConnection c) {
            Map<String, String> secrets = new TreeMap<>();
            c.secretsSet().forEach(name -> secrets.put(name, "set"));
            return new ConnectionResponse(c.id(), c.name(), c.channel().apiName(), c.type().name(), c.priority(), c.enabled(), c.sendRate(),
                    c.settings(), secrets, c.createdAt(), c.updatedAt());
        }
    }
}
