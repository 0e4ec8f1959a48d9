package io.kaskad.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.ConflictException;
import io.kaskad.common.NotFoundException;

/** A company's API keys: created (shown once), listed, revoked, and checked on every API call. */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final CompanyRepository companies;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, CompanyRepository companies, Clock clock) {
        this.keys = keys;
        this.companies = companies;
        this.clock = clock;
    }

    @Transactional
    public IssuedApiKey create(long companyId, String name) {
        String secret = ApiKeySecrets.generate();
        return new IssuedApiKey(store(companyId, name, secret), secret);
    }

    public List<ApiKey> list(long companyId) {
        return keys.findAllByCompanyIdOrderByCreatedAtDesc(companyId);
    }

    public ApiKey get(long companyId, long keyId) {
        return keys.findByIdAndCompanyId(keyId, companyId).orElseThrow(() -> new NotFoundException("API key", keyId));
    }

    public long countActive(long companyId) {
        return keys.countByCompanyIdAndRevokedAtIsNull(companyId);
    }

    /** Revokes a key of the company; revoking an already revoked key changes nothing. */
    @Transactional
    public ApiKey revoke(long companyId, long keyId) {
        ApiKey key = get(companyId, keyId);
        return key.active() ? keys.save(key.revoke(clock.instant())) : key;
    }

    /** The caller behind a presented key, if the key exists, is not revoked and its company is not blocked. */
    public Optional<ApiClient> authenticate(String presentedKey) {
        return keys.findByKeyHash(ApiKeySecrets.hash(presentedKey))
            .filter(ApiKey::active)
            .filter(key -> companies.findById(key.companyId()).map(company -> !company.blocked()).orElse(false))
            .map(key -> new ApiClient(key.companyId(), key.id()));
    }

    /** Stores a key whose value was chosen outside (the bootstrap key), unless it is stored already. */
    @Transactional
    void registerIfAbsent(long companyId, String name, String secret) {
        if (keys.findByKeyHash(ApiKeySecrets.hash(secret)).isEmpty()) {
            store(companyId, name, secret);
        }
    }

    private ApiKey store(long companyId, String name, String secret) {
        if (secret.length() < ApiKeySecrets.MIN_LENGTH) {
            throw new ConflictException("apiKey", "apikey.too-short");
        }
        return keys.save(new ApiKey(null, companyId, name, ApiKeySecrets.shownPrefix(secret), ApiKeySecrets.hash(secret),
                clock.instant(), null));
    }
}
