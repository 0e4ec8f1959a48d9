package io.kaskad.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.account.CompanyService;
import io.kaskad.support.ChatsApi;
import io.kaskad.support.TaskFilesForTests;
import io.kaskad.support.TasksApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user stumbled on, walked again in a browser: the widget link follows the address the
 * portal was opened at, error pages show no missing keys, the send form takes a formatted phone and
 * stores nothing when refused, times are in the company's zone, a finished task keeps refreshing
 * while its messages are in flight, and the widget never shows a raw {name}.
 */
class PortalFixesBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    CompanyService companies;

    @Test
    void theFixedStumblingBlocksHoldInABrowser() throws Exception {
        TestCompany acme = accounts.company();
        companies.updateSettings(acme.id(), "Asia/Omsk", 50);
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String scenario = chats.scenario("""
                {"name":"Привет %s","start":"hi","steps":[{"id":"hi","messages":["Здравствуйте, {name}!"],"action":"END"}]}"""
            .formatted(TestAccounts.unique()));
        String chatId = chats.chatWithScenario(scenario);
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        // 5: every time in the company's zone, named in the header
        assertThat(driver.findElement(By.id("page-zone")).getText()).contains("Asia/Omsk");

        // 2: the widget link is the address this portal was opened at (a random port, not localhost:8080)
        driver.get(baseUrl() + "/chats");
        assertThat(driver.findElement(By.cssSelector(".widget-link")).getAttribute("href")).startsWith(baseUrl() + "/widget/" + chatId);

        // 8: the widget's bot never shows a variable the visitor does not have
        driver.get(baseUrl() + "/widget/" + chatId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Здравствуйте"));
        assertThat(driver.findElement(By.id("log")).getText()).doesNotContain("{name}");

        // 4: a formatted phone is a phone; a refused form stores nothing
        driver.get(baseUrl() + "/messages/new");
        driver.findElement(By.id("channels0.text")).sendKeys("Привет");
        driver.findElement(By.id("phone")).sendKeys("12-34");
        scrollAndClick(By.id("send-message"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send-problems")));
        driver.get(baseUrl() + "/messages");
        assertThat(driver.findElements(By.cssSelector("#messages .message-row, #messages tbody tr"))).isEmpty();
        driver.get(baseUrl() + "/messages/new");
        driver.findElement(By.id("channels0.text")).sendKeys("Привет");
        driver.findElement(By.id("phone")).sendKeys("+7 (916) 333-00-01");
        scrollAndClick(By.id("send-message"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-status")));
        assertThat(driver.findElement(By.id("message-card")).getText()).contains("+79163330001");

        // 6: a finished task whose messages are still in flight keeps refreshing its counts
        TasksApi tasks = new TasksApi(mvc, acme.bearer());
        String taskId = tasks.create("SMS", "slow.csv", TaskFilesForTests.csv(',', List.of(List.of("phone", "text"),
                List.of("70000000003", "Привет"))));
        tasks.act(taskId, "start");
        tasks.awaitStatus(taskId, "FINISHED");
        driver.get(baseUrl() + "/tasks/" + taskId);
        assertThat(driver.findElement(By.id("progress")).getAttribute("hx-trigger")).isEqualTo("every 1s");
        assertThat(driver.findElement(By.id("message-statuses")).getText()).contains("Отправляется");

        // 3: error pages show no missing message keys, in either language
        driver.get(baseUrl() + "/no-such-page?lang=en");
        assertThat(pageText()).contains("Page not found").doesNotContain("??");
        logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        driver.get(baseUrl() + "/notices?lang=ru");
        assertThat(pageText()).contains("Доступ запрещён").doesNotContain("??");
    }

    private static String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    @Autowired
    io.kaskad.account.UserService users;

    @Test
    void anAdminSeesTimesInTheInstallationsZoneOrTheirOwn() throws Exception {
        long adminId = users.search(TestAdmins.USERNAME, 10).stream().filter(u -> u.username().equals(TestAdmins.USERNAME)).findFirst()
            .orElseThrow().id();
        try {
            logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            assertThat(driver.findElement(By.id("page-zone-link")).getText()).endsWith("время: " + users.installationZone().getId());

            driver.findElement(By.id("page-zone-link")).click();
            new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("timeZone"))))
                .selectByValue("Asia/Omsk");
            driver.findElement(By.id("save-time-zone")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-zone-link"), "время: Asia/Omsk"));
            assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Часовой пояс сохранён.");

            // the platform's day and the lists follow the admin's zone
            driver.get(baseUrl() + "/");
            assertThat(driver.findElement(By.id("page-zone-link")).getText()).endsWith("время: Asia/Omsk");
        }
        finally {
            users.setTimeZone(adminId, null);
        }
    }
}
