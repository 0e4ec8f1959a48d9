package io.kaskad.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kaskad.support.IntegrationTest;

/** A headless Chromium per test class against the running portal, and signing in as a person does. */
@IntegrationTest
abstract class BrowserTest {

    protected static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = Browsers.headlessChromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts a fresh session (no cookies) and logs in through the login form. */
    void logIn(String username, String password) {
        signOut();
        new LoginPage(driver, baseUrl()).open().logInAs(username, password);
    }

    void signOut() {
        driver.get(baseUrl() + "/login");
        driver.manage().deleteAllCookies();
    }

    /** Clicks a button below the fold: Bootstrap's smooth scrolling would otherwise leave it moving under the click. */
    static void scrollAndClick(org.openqa.selenium.By button) {
        org.openqa.selenium.WebElement element = driver.findElement(button);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Keeps what the browser shows in target/screenshots, for a person to look at (docs/images holds one of them). */
    static void screenshot(String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
