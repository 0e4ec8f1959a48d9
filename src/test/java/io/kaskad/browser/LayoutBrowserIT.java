package io.kaskad.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing spills out of the window: at 1400 px an opened iframe code and the admin's companies stay
 * inside it; at 400 px the menu is folded away behind a button and no page scrolls sideways.
 * Screenshots of the narrow pages are kept in target/screenshots for a person to look at.
 */
class LayoutBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void wideAgain() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void atFullWidthAnOpenedIframeCodeAndTheCompaniesTableStayInsideTheWindow() throws Exception {
        TestCompany acme = accounts.company();
        new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Сайт с очень длинным названием, чтобы строка была широкой\"}");
        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.get(baseUrl() + "/chats");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".iframe-toggle"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".iframe-code")));
        assertNoSidewaysScroll("/chats with the iframe code open");

        logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        driver.get(baseUrl() + "/admin/companies");
        assertNoSidewaysScroll("/admin/companies");
    }

    @Test
    void atFourHundredPixelsTheMenuFoldsAwayAndNothingOverflows() throws Exception {
        TestCompany acme = accounts.company();
        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.manage().window().setSize(new Dimension(400, 800));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        for (String page : new String[] { "/", "/messages", "/chats", "/dialogs", "/tasks", "/templates", "/settings/api-keys" }) {
            driver.get(baseUrl() + page);
            assertThat(driver.findElement(By.id("sidebar")).isDisplayed()).as("menu folded on " + page).isFalse();
            assertNoSidewaysScroll(page + " at 400 px");
            screenshot("portal-400" + page.replace('/', '-') + ".png");
        }
        driver.findElement(By.id("menu-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sidebar")));
        driver.findElement(By.cssSelector("#sidebar a[href='/messages']")).click();
        wait.until(ExpectedConditions.urlContains("/messages"));
    }

    private static void assertNoSidewaysScroll(String where) {
        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("sideways overflow of " + where).isLessThanOrEqualTo(0);
    }
}
