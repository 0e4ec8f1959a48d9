package io.kaskad.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every portal page offers a page object: navigation, waiting, reading. */
abstract class PortalPage {

    protected final WebDriver driver;
    protected final String baseUrl;
    protected final WebDriverWait wait;

    PortalPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        // htmx swaps replace elements under our feet: a stale element just means "look again".
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String heading() {
        return visible(By.tagName("h1")).getText();
    }

    boolean hasLink(String path) {
        return !driver.findElements(By.cssSelector("#sidebar a[href='" + path + "']")).isEmpty();
    }
}
