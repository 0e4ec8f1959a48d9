package io.kaskad.template;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface TemplateRepository extends ListCrudRepository<Template, Long> {

    Optional<Template> findByCompanyIdAndPublicId(long companyId, String publicId);

    /** For moderators only, who work across companies. */
    Optional<Template> findByPublicId(String publicId);

    Optional<Template> findByCompanyIdAndTypeAndName(long companyId, TemplateType type, String name);

    List<Template> findByCompanyIdOrderByTypeAscNameAsc(long companyId);

    List<Template> findByCompanyIdAndTypeOrderByNameAsc(long companyId, TemplateType type);

    boolean existsByCompanyIdAndTypeAndName(long companyId, TemplateType type, String name);

    /** Templates whose latest version waits for a moderator, oldest first, across companies. */
    @Query("""
            SELECT t.* FROM template t JOIN template_version v ON v.template_id = t.id
            WHERE v.state = 'ON_MODERATION'
              AND v.version_index = (SELECT MAX(v2.version_index) FROM template_version v2 WHERE v2.template_id = t.id)
            ORDER BY v.updated_at""")
    List<Template> findAwaitingModeration();
}
