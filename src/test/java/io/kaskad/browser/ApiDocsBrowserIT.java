package io.kaskad.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;

/** From «API-ключи» to Swagger UI, authorized with a key, "Try it out" answering with the company's own data. */
class ApiDocsBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Test
    void aClientOpensTheDocumentationAuthorizesWithAKeyAndTriesARequest() {
        TestCompany acme = accounts.company();
        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.get(baseUrl() + "/settings/api-keys");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        String docs = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("api-docs-link"))).getAttribute("href");
        driver.get(docs);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"), "Kaskad API"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".swagger-ui .auth-wrapper .authorize"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input"))).sendKeys(acme.apiKey());
        driver.findElement(By.cssSelector(".auth-btn-wrapper .modal-btn.authorize")).click();
        driver.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();

        // GET /api/v1/company: its summary opens it, "Try it out", "Execute"
        String operationXpath = "//div[contains(@class,'opblock-get')][.//*[@data-path='/api/v1/company']]";
        By operation = By.xpath(operationXpath);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(operationXpath + "//*[contains(@class,'opblock-summary-control')]")))
            .click();
        // the operation opens with an animation: "Try it out" is pressed again until "Execute" is there
        By tryOut = By.xpath(operationXpath + "//button[contains(@class,'try-out__btn')]");
        By execute = By.xpath(operationXpath + "//button[contains(@class,'execute')]");
        wait.until(driver -> {
            if (!driver.findElements(execute).isEmpty()) {
                return true;
            }
            driver.findElements(tryOut).forEach(button -> ((JavascriptExecutor) driver).executeScript("arguments[0].click()", button));
            return false;
        });
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", driver.findElement(execute));
        By status = By.cssSelector(".live-responses-table .response .response-col_status");
        wait.until(ExpectedConditions.visibilityOfElementLocated(status));
        assertThat(driver.findElement(operation).findElement(status).getText()).startsWith("200");
        assertThat(driver.findElement(operation).findElement(By.cssSelector(".live-responses-table .microlight")).getText())
            .contains(acme.company().name());
    }
}
