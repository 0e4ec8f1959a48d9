package io.kaskad.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Настройки компании → API-ключи; creating and revoking swap the keys panel with htmx. */
class ApiKeysPage extends PortalPage {

    ApiKeysPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    ApiKeysPage open() {
        go("/settings/api-keys");
        visible(By.id("new-api-key"));
        return this;
    }

    /** Creates a key and returns its value, shown this once. */
    String create(String name) {
        WebElement field = visible(By.cssSelector("#new-api-key input[name=name]"));
        field.clear();
        field.sendKeys(name);
        driver.findElement(By.id("create-api-key")).click();
        return visible(By.id("issued-secret")).getText().trim();
    }

    void revoke(String name) {
        row(name).findElement(By.cssSelector("button.revoke")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        visible(By.id("revoked-key"));
    }

    String statusOf(String name) {
        return row(name).findElement(By.cssSelector(".key-status")).getText();
    }

    private WebElement row(String name) {
        return visible(By.xpath("//table[@id='api-keys']//tr[td[@class='key-name' and text()='" + name + "']]"));
    }
}
