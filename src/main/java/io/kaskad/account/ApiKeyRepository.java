package io.kaskad.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findAllByCompanyIdOrderByCreatedAtDesc(long companyId);

    Optional<ApiKey> findByIdAndCompanyId(long id, long companyId);

    long countByCompanyIdAndRevokedAtIsNull(long companyId);
}
