package io.kaskad.browser;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.account.CompanyService;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal in a real headless Chromium: what a client and an admin see and do. */
class PortalBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    CompanyService companies;

    @Autowired
    MockMvc api;

    @BeforeEach
    void startSignedOut() {
        signOut();
    }

    @Test
    void aClientLogsInCreatesAnApiKeyThatWorksAndRevokesIt() throws Exception {
        TestCompany acme = accounts.company();
        new LoginPage(driver, baseUrl()).open().logInAs(acme.username(), TestAccounts.PASSWORD);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(acme.company().name());

        ApiKeysPage keys = new ApiKeysPage(driver, baseUrl()).open();
        String secret = keys.create("CRM");
        assertThat(secret).startsWith("ksk_");
        assertThat(keys.statusOf("CRM")).isEqualTo("Активен");
        api.perform(get("/api/v1/company").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());

        keys.open();
        assertThat(keys.bodyText()).doesNotContain(secret);

        keys.revoke("CRM");
        assertThat(keys.statusOf("CRM")).isEqualTo("Отозван");
        api.perform(get("/api/v1/company").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginPageWithAMessage() {
        LoginPage login = new LoginPage(driver, baseUrl()).open();
        login.visible(By.id("username")).sendKeys("nobody-" + TestAccounts.unique());
        driver.findElement(By.id("password")).sendKeys("wrong-password");
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        assertThat(login.message()).isEqualTo("Неверный логин или пароль.");
    }

    @Test
    void aClientSeesNoAdminMenuAndCannotOpenAdminPages() {
        TestCompany acme = accounts.company();
        LoginPage login = new LoginPage(driver, baseUrl()).open();
        login.logInAs(acme.username(), TestAccounts.PASSWORD);
        assertThat(login.hasLink("/admin/companies")).isFalse();
        assertThat(login.hasLink("/settings/api-keys")).isTrue();

        login.go("/admin/companies");
        assertThat(login.heading()).isEqualTo("Доступ запрещён");
        login.go("/no-such-page");
        assertThat(login.heading()).isEqualTo("Страница не найдена");
    }

    @Test
    void anAdminOpensACompanyAndBlocksIt() {
        new LoginPage(driver, baseUrl()).open().logInAs(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        String name = "ООО Браузер " + TestAccounts.unique();
        AdminCompaniesPage page = new AdminCompaniesPage(driver, baseUrl()).open();
        assertThat(page.hasLink("/admin/moderation")).isTrue();

        page.create(name, "Asia/Vladivostok", "owner-" + TestAccounts.unique(), "owner-password");
        assertThat(page.statusOf(name)).isEqualTo("Активна");

        page.block(name);
        assertThat(companies.findByName(name).orElseThrow().blocked()).isTrue();
    }

    @Test
    void theVisitorCanSwitchToEnglish() {
        LoginPage login = new LoginPage(driver, baseUrl()).open();
        login.switchToEnglish();
        assertThat(login.bodyText()).contains("Sign in to your account");
        login.open();
        assertThat(login.bodyText()).contains("Sign in to your account");
    }

    @Test
    void anHtmxActionAfterTheSessionExpiredLeadsToTheLoginPage() {
        TestCompany acme = accounts.company();
        new LoginPage(driver, baseUrl()).open().logInAs(acme.username(), TestAccounts.PASSWORD);
        ApiKeysPage keys = new ApiKeysPage(driver, baseUrl()).open();
        driver.manage().deleteCookieNamed("JSESSIONID");

        keys.visible(By.cssSelector("#new-api-key input[name=name]")).sendKeys("late");
        driver.findElement(By.id("create-api-key")).click();

        keys.wait.until(d -> new LoginPage(d, baseUrl()).isShown());
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }
}
