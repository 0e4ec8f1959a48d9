package io.kaskad.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ChatRepository extends ListCrudRepository<Chat, Long> {

    Optional<Chat> findByCompanyIdAndPublicId(long companyId, String publicId);

    Optional<Chat> findByPublicId(String publicId);

    boolean existsByCompanyIdAndName(long companyId, String name);

    List<Chat> findByCompanyIdOrderByNameAsc(long companyId);

    /** Chats whose own name or scenario's name contains {@code pattern} (a LIKE pattern, lower case). */
    @Query("""
            SELECT c.* FROM chat c LEFT JOIN scenario s ON s.public_id = c.scenario_id
            WHERE c.company_id = :companyId AND (LOWER(c.name) LIKE :pattern ESCAPE '!' OR LOWER(s.name) LIKE :pattern ESCAPE '!')
            ORDER BY c.name""")
    List<Chat> search(long companyId, String pattern);

    @Query("SELECT COUNT(*) FROM chat WHERE company_id = :companyId AND (scenario_id = :scenarioId OR offline_scenario_id = :scenarioId)")
    long countUsingScenario(long companyId, String scenarioId);
}
