package io.kaskad.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kaskad.common.ConflictException;
import io.kaskad.support.IntegrationTest;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When two requests race past the "is this name free?" check, the database's unique constraint
 * decides, and the loser gets the same clear answer, on H2 and on MySQL/MariaDB alike.
 */
@IntegrationTest
class UniqueNamesIT {

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyRepository companies;

    @Autowired
    UserAccountRepository users;

    @Test
    void aDuplicateCompanyNameIsAConflictOnName() {
        TestCompany existing = accounts.company();
        assertThatThrownBy(() -> UniqueNames.insert(() -> companies.save(
                Company.create(existing.company().name(), "Europe/Moscow", 50, Instant.now()))))
            .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                assertThat(conflict.field()).isEqualTo("name");
                assertThat(conflict.messageCode()).isEqualTo("company.name.taken");
            });
    }

    @Test
    void aDuplicateUsernameIsAConflictOnUsername() {
        TestCompany existing = accounts.company();
        assertThatThrownBy(() -> UniqueNames.insert(() -> users.save(
                UserAccount.client(existing.id(), existing.username(), "hash", Instant.now()))))
            .isInstanceOfSatisfying(ConflictException.class,
                    conflict -> assertThat(conflict.field()).isEqualTo("username"));
    }
}
