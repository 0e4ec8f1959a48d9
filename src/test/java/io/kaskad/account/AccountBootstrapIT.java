package io.kaskad.account;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kaskad.bootstrap.* properties create the accounts they name, once, however often the app starts.
 * Runs the bootstrap inside the shared test application, as a second start would run it.
 */
@IntegrationTest
class AccountBootstrapIT {

    @Autowired
    CompanyRepository companyRepository;

    @Autowired
    CompanyService companies;

    @Autowired
    UserService users;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    PortalUserDetailsService userDetails;

    @Autowired
    Clock clock;

    @Test
    void createsTheNamedAccountsOnceAndTheKeyWorks() {
        String suffix = TestAccounts.unique();
        String key = "ksk_bootstrap_key_for_tests_" + suffix;
        BootstrapProperties properties = new BootstrapProperties("bootstrap-admin-" + suffix, "bootstrap-secret",
                "ООО Бутстрап " + suffix, "bootstrap-client-" + suffix, "client-secret", key);
        AccountBootstrap bootstrap = new AccountBootstrap(properties, companyRepository, users, apiKeys, clock);

        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());

        Company company = companies.findByName("ООО Бутстрап " + suffix).orElseThrow();
        assertThat(users.list(company.id())).extracting(UserAccount::username).containsExactly("bootstrap-client-" + suffix);
        assertThat(apiKeys.list(company.id())).hasSize(1);
        assertThat(apiKeys.authenticate(key)).hasValueSatisfying(client -> assertThat(client.companyId()).isEqualTo(company.id()));
        assertThat(userDetails.loadUserByUsername("bootstrap-admin-" + suffix).getAuthorities())
            .extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void blankPropertiesCreateNothing() {
        long before = companies.count();
        new AccountBootstrap(new BootstrapProperties("", "", "", "", "", ""), companyRepository, users, apiKeys, clock)
            .run(new DefaultApplicationArguments());
        assertThat(companies.count()).isEqualTo(before);
    }
}
