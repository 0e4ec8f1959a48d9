package io.kaskad.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccountRepository extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByCompanyIdOrderByUsernameAsc(long companyId);

    Optional<UserAccount> findByIdAndCompanyId(long id, long companyId);

    long countByCompanyId(long companyId);

    List<UserAccount> findByUsernameContainingIgnoreCaseOrderByUsernameAsc(String username, Limit limit);
}
