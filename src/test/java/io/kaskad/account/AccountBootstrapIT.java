package io.kaskad.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.kaskad.support.TestDatabaseProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The kaskad.bootstrap.* properties create the accounts they name, once, however often the app starts. */
@SpringBootTest(properties = {
        "kaskad.bootstrap.admin-username=bootstrap-admin",
        "kaskad.bootstrap.admin-password=bootstrap-secret",
        "kaskad.bootstrap.company-name=ООО Бутстрап",
        "kaskad.bootstrap.client-username=bootstrap-client",
        "kaskad.bootstrap.client-password=client-secret",
        "kaskad.bootstrap.api-key=ksk_bootstrap_key_for_tests_0123456789" })
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@DirtiesContext // closed afterwards: its Quartz jobs would otherwise be one more node in ClusterDispatchIT
class AccountBootstrapIT {

    @Autowired
    AccountBootstrap bootstrap;

    @Autowired
    CompanyService companies;

    @Autowired
    UserService users;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    PortalUserDetailsService userDetails;

    @Test
    void createsTheNamedAccountsOnceAndTheKeyWorks() {
        bootstrap.run(new DefaultApplicationArguments());

        Company company = companies.findByName("ООО Бутстрап").orElseThrow();
        assertThat(users.list(company.id())).extracting(UserAccount::username).containsExactly("bootstrap-client");
        assertThat(apiKeys.list(company.id())).hasSize(1);
        assertThat(apiKeys.authenticate("ksk_bootstrap_key_for_tests_0123456789"))
            .hasValueSatisfying(client -> assertThat(client.companyId()).isEqualTo(company.id()));
        assertThat(userDetails.loadUserByUsername("bootstrap-admin").getAuthorities())
            .extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }
}
