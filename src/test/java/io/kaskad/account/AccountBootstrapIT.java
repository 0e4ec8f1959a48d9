package io.kaskad.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionOperations;

import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    PasswordPolicy passwords;

    @Autowired
    MessageSource messages;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    Clock clock;

    private AccountBootstrap bootstrap(BootstrapProperties properties) {
        return new AccountBootstrap(properties, companyRepository, users, apiKeys, passwords, messages, transactions, clock);
    }

    @Test
    void createsTheNamedAccountsOnceAndTheKeyWorks() {
        String suffix = TestAccounts.unique();
        String key = "ksk_bootstrap_key_for_tests_" + suffix;
        BootstrapProperties properties = new BootstrapProperties("bootstrap-admin-" + suffix, "bootstrap-secret-2026",
                "ООО Бутстрап " + suffix, "bootstrap-client-" + suffix, "client-secret", key);
        AccountBootstrap bootstrap = bootstrap(properties);

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
        bootstrap(new BootstrapProperties("", "", "", "", "", "")).run(new DefaultApplicationArguments());
        assertThat(companies.count()).isEqualTo(before);
    }

    @Test
    void aPasswordThePolicyRefusesStopsTheStartAndCreatesNoAccountAtAll() {
        String suffix = TestAccounts.unique();
        BootstrapProperties properties = new BootstrapProperties("bootstrap-admin-" + suffix, "bootstrap-secret-2026",
                "ООО Полумера " + suffix, "demo-" + suffix, "demo12345", "ksk_bootstrap_half_key_" + suffix);

        assertThatThrownBy(() -> bootstrap(properties).run(new DefaultApplicationArguments()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("kaskad.bootstrap.client-password")
            .hasMessageContaining("shorter than 10 characters");

        assertThat(users.exists("bootstrap-admin-" + suffix)).isFalse();
        assertThat(companies.findByName("ООО Полумера " + suffix)).isEmpty();
        assertThat(apiKeys.authenticate("ksk_bootstrap_half_key_" + suffix)).isEmpty();
    }

    @Test
    void theAdminPasswordFollowsTheSameRuleAsTheClients() {
        String suffix = TestAccounts.unique();
        BootstrapProperties properties = new BootstrapProperties("admin-" + suffix, "admin-" + suffix + "-password", "", "", "", "");

        assertThatThrownBy(() -> bootstrap(properties).run(new DefaultApplicationArguments()))
            .hasMessageContaining("kaskad.bootstrap.admin-password")
            .hasMessageContaining("must not contain the user name");
        assertThat(users.exists("admin-" + suffix)).isFalse();
    }

    /** The embedded mode's own values, which the README shows: shortening one again fails here, not on a newcomer's first start. */
    @Test
    void theEmbeddedDemoPasswordsMeetThePolicy() throws IOException {
        Properties embedded = new Properties();
        try (InputStream in = new ClassPathResource("application.properties").getInputStream()) {
            embedded.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        }
        assertThat(passwords.problem(embedded.getProperty("kaskad.bootstrap.client-username"),
                embedded.getProperty("kaskad.bootstrap.client-password"))).isEmpty();
        assertThat(passwords.problem(embedded.getProperty("kaskad.bootstrap.admin-username"),
                embedded.getProperty("kaskad.bootstrap.admin-password"))).isEmpty();
    }
}
