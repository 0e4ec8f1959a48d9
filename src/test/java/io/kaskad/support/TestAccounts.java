package io.kaskad.support;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;

import io.kaskad.account.ApiKeyService;
import io.kaskad.account.Company;
import io.kaskad.account.CompanyService;
import io.kaskad.account.NewCompany;
import io.kaskad.account.UserService;

/**
 * Object mother for accounts: each call opens a new company with a unique name, its first client
 * user and an API key, through the same services the portal uses.
 */
@TestComponent
public class TestAccounts {

    public static final String PASSWORD = "Kaskad-test-9-Lantern";

    private final CompanyService companies;
    private final UserService users;
    private final ApiKeyService apiKeys;

    TestAccounts(CompanyService companies, UserService users, ApiKeyService apiKeys) {
        this.companies = companies;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    public TestCompany company() {
        String suffix = unique();
        Company company = companies.open(new NewCompany("Компания " + suffix, "Europe/Moscow", 50, "client-" + suffix, PASSWORD));
        String apiKey = apiKeys.create(company.id(), "test key").secret();
        return new TestCompany(company, "client-" + suffix, apiKey);
    }

    /** A second user in an existing company. */
    public String userOf(TestCompany company) {
        String username = "colleague-" + unique();
        users.createClient(company.id(), username, PASSWORD);
        return username;
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public record TestCompany(Company company, String username, String apiKey) {

        public long id() {
            return company.id();
        }

        public String bearer() {
            return "Bearer " + apiKey;
        }
    }
}
