package io.kaskad.account.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.account.ApiKey;
import io.kaskad.account.ApiKeyService;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The calling company's API keys: list, read, revoke. Keys are created in the portal only, where a
 * person sees the value once; a leaked key must not be able to mint more keys.
 */
@Tag(name = "API-ключи", description = "Ключи компании: список и отзыв (создаются в портале, ключ показывается один раз)")
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyApiController {

    private final ApiKeyService apiKeys;

    ApiKeyApiController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    List<ApiKeyResponse> list(@AuthenticationPrincipal ApiClient client) {
        return apiKeys.list(client.companyId()).stream().map(ApiKeyResponse::of).toList();
    }

    @GetMapping("/{keyId}")
    ApiKeyResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long keyId) {
        return ApiKeyResponse.of(apiKeys.get(client.companyId(), keyId));
    }

    @DeleteMapping("/{keyId}")
    ApiKeyResponse revoke(@AuthenticationPrincipal ApiClient client, @PathVariable long keyId) {
        return ApiKeyResponse.of(apiKeys.revoke(client.companyId(), keyId));
    }

    record ApiKeyResponse(long id, String name, String prefix, boolean active, Instant createdAt, Instant revokedAt) {

        static ApiKeyResponse of(ApiKey key) {
            return new ApiKeyResponse(key.id(), key.name(), key.keyPrefix(), key.active(), key.createdAt(), key.revokedAt());
        }
    }
}
