package io.kaskad.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Администрирование → Компании. */
class AdminCompaniesPage extends PortalPage {

    AdminCompaniesPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    AdminCompaniesPage open() {
        go("/admin/companies");
        visible(By.id("new-company"));
        return this;
    }

    void create(String name, String timezone, String username, String password) {
        visible(By.cssSelector("#new-company input[name=name]")).sendKeys(name);
        new Select(driver.findElement(By.cssSelector("#new-company select[name=timezone]"))).selectByValue(timezone);
        driver.findElement(By.cssSelector("#new-company input[name=username]")).sendKeys(username);
        driver.findElement(By.cssSelector("#new-company input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("#new-company button[type=submit]")).click();
        visible(By.cssSelector(".alert-success"));
    }

    void block(String name) {
        row(name).findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(page -> statusOf(name).equals("Заблокирована"));
    }

    String statusOf(String name) {
        return row(name).findElement(By.cssSelector(".company-status")).getText();
    }

    private WebElement row(String name) {
        return visible(By.xpath("//table[@id='companies']//tr[td[@class='company-name' and text()='" + name + "']]"));
    }
}
