package io.kaskad.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ScenarioRepository extends ListCrudRepository<Scenario, Long> {

    Optional<Scenario> findByCompanyIdAndPublicId(long companyId, String publicId);

    List<Scenario> findByCompanyIdOrderByNameAsc(long companyId);

    boolean existsByCompanyIdAndName(long companyId, String name);
}
