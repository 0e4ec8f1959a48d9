package io.kaskad.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

class LoginPage extends PortalPage {

    LoginPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    LoginPage open() {
        go("/login");
        visible(By.id("login-form"));
        return this;
    }

    void logInAs(String username, String password) {
        visible(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login$")));
    }

    String message() {
        return visible(By.cssSelector("#login-message .alert")).getText();
    }

    void switchToEnglish() {
        driver.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.urlContains("lang=en"));
    }

    boolean isShown() {
        return !driver.findElements(By.id("login-form")).isEmpty();
    }
}
