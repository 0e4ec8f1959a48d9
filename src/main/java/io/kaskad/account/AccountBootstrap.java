package io.kaskad.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import static io.kaskad.account.BootstrapProperties.given;

/**
 * Creates the accounts named by {@link BootstrapProperties} when they are absent. Every bootstrap
 * password follows the portal's {@link PasswordPolicy}, the admin's as the client's: all of them are
 * checked before anything is created, and the accounts are created in one transaction, so a start
 * that fails leaves no half of them behind. Several nodes may start at once: whoever loses the race
 * on a unique name simply finds the accounts made.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final BootstrapProperties properties;
    private final CompanyRepository companies;
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final PasswordPolicy passwords;
    private final MessageSource messages;
    private final TransactionOperations transactions;
    private final Clock clock;

    AccountBootstrap(BootstrapProperties properties, CompanyRepository companies, UserService users, ApiKeyService apiKeys,
            PasswordPolicy passwords, MessageSource messages, TransactionOperations transactions, Clock clock) {
        this.properties = properties;
        this.companies = companies;
        this.users = users;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        requireValidPasswords();
        try {
            transactions.executeWithoutResult(status -> createAccounts());
        }
        catch (DuplicateKeyException raceWithAnotherNode) {
            log.info("Bootstrap accounts were created by another node at the same time");
        }
    }

    /** Refuses to start, naming the property and the rule, rather than create some accounts and not others. */
    private void requireValidPasswords() {
        List<String> problems = new ArrayList<>();
        if (createsAdmin()) {
            problem("kaskad.bootstrap.admin-password", properties.adminUsername(), properties.adminPassword()).ifPresent(problems::add);
        }
        if (given(properties.companyName()) && createsClient()) {
            problem("kaskad.bootstrap.client-password", properties.clientUsername(), properties.clientPassword()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("No bootstrap account was created: " + String.join("; ", problems));
        }
    }

    private Optional<String> problem(String property, String username, String password) {
        return passwords.problem(username, password)
            .map(code -> property + " is refused by the password policy: "
                    + messages.getMessage(code, new Object[] { AccountRules.PASSWORD_MIN }, code, Locale.ENGLISH));
    }

    private boolean createsAdmin() {
        return given(properties.adminUsername()) && given(properties.adminPassword()) && !users.exists(properties.adminUsername());
    }

    private boolean createsClient() {
        return given(properties.clientUsername()) && given(properties.clientPassword()) && !users.exists(properties.clientUsername());
    }

    private void createAccounts() {
        if (createsAdmin()) {
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
        if (createsClient()) {
            users.createClient(company.id(), properties.clientUsername(), properties.clientPassword());
            log.info("Created client user '{}' of '{}'", properties.clientUsername(), company.name());
        }
        if (given(properties.apiKey())) {
            apiKeys.registerIfAbsent(company.id(), "Bootstrap", properties.apiKey());
        }
    }
}
