package io.kaskad.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;

/** A client sends a message from the portal and watches it reach "Доставлено" without reloading. */
class MessagesBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Test
    void aMessageSentFromThePortalReachesDeliveredThroughTheCascade() {
        TestCompany acme = accounts.company();
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        driver.findElement(By.cssSelector("#sidebar a[href='/messages']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-message"))).click();
        new Select(driver.findElement(By.id("channels0.channel"))).selectByValue("sms");
        driver.findElement(By.id("channels0.text")).sendKeys("Ваш код 1234");
        new Select(driver.findElement(By.id("channels1.channel"))).selectByValue("viber");
        driver.findElement(By.id("channels1.text")).sendKeys("Ваш код 1234");
        driver.findElement(By.id("phone")).sendKeys("70000000001");
        scrollAndClick(By.id("send-message"));

        wait.until(ExpectedConditions.textToBe(By.id("message-status"), "Доставлено"));
        assertThat(driver.findElements(By.cssSelector(".alert-success"))).extracting(e -> e.getText())
            .containsExactly("Сообщение принято. Статус обновляется сам.");
        assertThat(driver.findElements(By.cssSelector("#cascade .attempt-status"))).extracting(e -> e.getText())
            .containsExactly("Ошибка", "Доставлено");
        assertThat(driver.findElement(By.cssSelector("#cascade .attempt-text")).getText()).isEqualTo("Ваш код 1234");

        driver.findElement(By.linkText("← Просмотр сообщений")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "70000000001"));
        assertThat(driver.findElement(By.cssSelector("#messages .message-status")).getText()).isEqualTo("Доставлено");
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    io.kaskad.template.TemplateService templates;

    @Test
    void aClientSendsAnApprovedTemplateToThreeRecipientsSeeingTheSmsLength() throws Exception {
        TestCompany acme = accounts.company();
        String templateName = "Код " + TestAccounts.unique();
        new io.kaskad.support.TemplatesApi(mvc, templates).approved(acme, """
                {"type":"NOTIFICATION","name":"%s","channels":{"sms":{"text":"Ваш код {code}"}}}""".formatted(templateName));
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(baseUrl() + "/messages/new");

        // the SMS length shows as the text is typed, as in the template editor
        driver.findElement(By.id("channels0.text")).sendKeys("Привет");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sms-length"), "6"));
        driver.findElement(By.id("channels0.text")).clear();

        // the chosen template shows its texts and the variables to give
        new Select(driver.findElement(By.id("templateId"))).selectByVisibleText(templateName);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-preview"), "Ваш код {code}"));
        assertThat(driver.findElement(By.id("template-variables")).getText()).startsWith("Переменные шаблона: code.");
        driver.findElement(By.id("variables")).sendKeys("code=5555");
        // written as people in Russia write them: the trunk prefix 8 is the country code 7
        driver.findElement(By.id("recipients")).sendKeys("+7 (916) 222-00-01\n8 (916) 222-00-02\n79162220003");
        scrollAndClick(By.id("send-message"));

        wait.until(ExpectedConditions.urlContains("/messages?bulkId="));
        // rows in flight swap themselves every few seconds: read them in the page, never hold on to one
        org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) driver;
        wait.until(driver -> ((Number) page.executeScript("return Array.from(document.querySelectorAll('#messages .message-status'))"
                + ".filter(s => s.textContent.trim() === 'Доставлено').length")).intValue() == 3);
        assertThat((String) page.executeScript("return document.getElementById('messages').textContent"))
            .contains("79162220001", "79162220002", "79162220003");
    }
}
