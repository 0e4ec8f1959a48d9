package io.kaskad.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

interface CompanyRepository extends ListCrudRepository<Company, Long> {

    Optional<Company> findByName(String name);

    boolean existsByName(String name);

    List<Company> findByNameContainingIgnoreCaseOrderByNameAsc(String name, Limit limit);

    long countByNameContainingIgnoreCase(String name);
}
