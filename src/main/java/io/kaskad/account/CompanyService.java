package io.kaskad.account;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.ConflictException;
import io.kaskad.common.NotFoundException;

/** Companies: opened and blocked by admins, their settings changed by their own users. */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwords;
    private final Clock clock;

    CompanyService(CompanyRepository companies, UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock,
            PasswordPolicy passwords) {
        this.passwords = passwords;
        this.companies = companies;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Company get(long companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException("Company", companyId));
    }

    /** The names of the companies with these ids, by id, read at once. */
    public Map<Long, String> names(Collection<Long> companyIds) {
        return companies.findAllById(companyIds).stream().collect(Collectors.toMap(Company::id, Company::name));
    }

    /** Blocked (or gone): its API keys, users, public chats and widget stop working. */
    public boolean isBlocked(long companyId) {
        return companies.findById(companyId).map(Company::blocked).orElse(true);
    }

    public Optional<Company> findByName(String name) {
        return companies.findByName(name);
    }

    public long count() {
        return companies.count();
    }

    /** Companies whose name contains {@code query} (any case), by name, at most {@code limit} of them. */
    public CompanySearch search(String query, int limit) {
        String name = query == null ? "" : query.strip();
        List<CompanySummary> found = companies.findByNameContainingIgnoreCaseOrderByNameAsc(name, Limit.of(limit)).stream()
            .map(company -> new CompanySummary(company, users.countByCompanyId(company.id())))
            .toList();
        return new CompanySearch(name, found, companies.countByNameContainingIgnoreCase(name));
    }

    public CompanySummary summary(long companyId) {
        return new CompanySummary(get(companyId), users.countByCompanyId(companyId));
    }

    /** Opens a company together with its first client user, or neither when a name is taken. */
    @Transactional
    public Company open(NewCompany request) {
        passwords.require("password", request.username(), request.password());
        if (companies.existsByName(request.name())) {
            throw new ConflictException("name", "company.name.taken");
        }
        if (users.existsByUsername(request.username())) {
            throw new ConflictException("username", "user.username.taken");
        }
        Company company = UniqueNames.insert(() -> companies.save(
                Company.create(request.name(), request.timezone(), request.sendRateLimit(), clock.instant())));
        UniqueNames.insert(() -> users.save(
                UserAccount.client(company.id(), request.username(), passwordEncoder.encode(request.password()), clock.instant())));
        return company;
    }

    @Transactional
    public Company updateSettings(long companyId, String timezone, int sendRateLimit) {
        Company company = get(companyId);
        return companies.save(company.withSettings(timezone, sendRateLimit, company.notificationEmail()));
    }

    /** Settings including the e-mail for notifications (blank: none). */
    @Transactional
    public Company updateSettings(long companyId, String timezone, int sendRateLimit, String notificationEmail) {
        String email = notificationEmail == null || notificationEmail.isBlank() ? null : notificationEmail.strip();
        return companies.save(get(companyId).withSettings(timezone, sendRateLimit, email));
    }

    /** A blocked company's users cannot log in and its API keys stop working at once. */
    @Transactional
    public Company setBlocked(long companyId, boolean blocked) {
        return companies.save(get(companyId).withBlocked(blocked));
    }

    public record CompanySummary(Company company, long userCount) {
    }

    /** One page of a company search: {@code total} tells how many matched in all. */
    public record CompanySearch(String query, List<CompanySummary> companies, long total) {

        public boolean truncated() {
            return total > companies.size();
        }
    }
}
