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

    @Test
    void headersButtonsAndLabelsNeverBreakInsideAWord() throws Exception {
        TestCompany acme = accounts.company();
        new ChatsApi(mvc, acme.bearer()).chat("{\"name\":\"Сайт\"}");
        new io.kaskad.support.MessagesApi(mvc, acme.bearer()).sendOne(io.kaskad.support.MessagesApi.message("{\"sms\":{\"text\":\"x\"}}",
                "{\"phone\":\"79161234567\"}"));
        logIn(acme.username(), TestAccounts.PASSWORD);
        for (Dimension size : new Dimension[] { new Dimension(1400, 1000), new Dimension(400, 800) }) {
            driver.manage().window().setSize(size);
            for (String page : new String[] { "/", "/statistics", "/messages", "/messages/new", "/chats", "/chats/new", "/dialogs", "/tasks",
                "/tasks/new", "/templates", "/settings/providers" }) {
                driver.get(baseUrl() + page);
                assertThat(wordsBrokenInside()).as("words broken inside on " + page + " at " + size.width + " px").isEmpty();
            }
        }
    }

    /** The words (a hyphen may end a line) of headers, buttons, badges and labels whose letters the browser laid out on two lines. */
    @SuppressWarnings("unchecked")
    private static java.util.List<String> wordsBrokenInside() {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript("""
                const broken = [];
                for (const element of document.querySelectorAll('main th, main .btn, main .badge, main label, main h1, main h2')) {
                  if (element.offsetParent === null) continue;
                  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
                      const range = document.createRange();
                      range.setStart(node, match.index);
                      range.setEnd(node, match.index + match[0].length);
                      const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                      if (tops.size > 1) broken.push(match[0]);
                    }
                  }
                }
                return broken;""");
    }

    private static void assertNoSidewaysScroll(String where) {
        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("sideways overflow of " + where).isLessThanOrEqualTo(0);
    }
}
