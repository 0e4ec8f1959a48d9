package io.kaskad.account;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import static io.kaskad.account.BootstrapProperties.given;

/**
 * Creates the accounts named by {@link BootstrapProperties} when they are absent. Several nodes
 * may start at once: whoever loses the race on a unique name simply finds the account made.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final BootstrapProperties properties;
    private final CompanyRepository companies;
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final Clock clock;

    AccountBootstrap(BootstrapProperties properties, CompanyRepository companies, UserService users, ApiKeyService apiKeys,
            Clock clock) {
        this.properties = properties;
        this.companies = companies;
        this.users = users;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            createAccounts();
        }
        catch (DuplicateKeyException raceWithAnotherNode) {
            log.info("Bootstrap accounts were created by another node at the same time");
        }
    }

    private void createAccounts() {
        if (given(properties.adminUsername()) && given(properties.adminPassword()) && !users.exists(properties.adminUsername())) {
            users.createAdmin(properties.adminUsername(), properties.adminPassword());
            log.info("Created admin '{}'", properties.adminUsername());
        }
        if (!given(properties.companyName())) {
            if (given(properties.clientUsername()) || given(properties.apiKey())) {
                log.warn("kaskad.bootstrap.client-username and api-key need kaskad.bootstrap.company-name; nothing created for them");
            }
            return;
        }
        Company company = companies.findByName(properties.companyName()).orElseGet(() -> {
            log.info("Created company '{}'", properties.companyName());
            return companies.save(Company.create(properties.companyName(), Company.DEFAULT_TIMEZONE,
                    Company.DEFAULT_SEND_RATE_LIMIT, clock.instant()));
        });
        if (given(properties.clientUsername()) && given(properties.clientPassword()) && !users.exists(properties.clientUsername())) {
            users.createClient(company.id(), properties.clientUsername(), properties.clientPassword());
            log.info("Created client user '{}' of '{}'", properties.clientUsername(), company.name());
        }
        if (given(properties.apiKey())) {
            apiKeys.registerIfAbsent(company.id(), "Bootstrap", properties.apiKey());
        }
    }
}
