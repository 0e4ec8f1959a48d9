package io.kaskad.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WhatsApp template's way through moderation in a real browser: created and submitted by a client,
 * rejected with a reason by an admin, fixed and resubmitted, approved, then used by the API until
 * the message is "Доставлено".
 */
class TemplateModerationBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    io.kaskad.template.TemplateService templates;

    @Test
    void aWhatsAppTemplateIsRejectedFixedApprovedAndDelivered() throws Exception {
        TestCompany acme = accounts.company();
        String name = "order_" + TestAccounts.unique().replace('-', '_');
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.get(baseUrl() + "/templates/whatsapp");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-template"))).click();
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("headerType"))).selectByValue("TEXT");
        driver.findElement(By.id("headerText")).sendKeys("Заказ {{1}}");
        driver.findElement(By.id("body")).sendKeys("Здравствуйте! Заказ {{1}} готов, заберите его на kaskad-shop.example");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whatsapp-preview"), "Заказ [1]"));
        scrollAndClick(By.id("save-template"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submit-template"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("template-state"), "На модерации"));
        String templateUrl = driver.getCurrentUrl();

        logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        driver.get(baseUrl() + "/admin/moderation");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
        driver.findElement(By.id("reason")).sendKeys("Уберите адрес сайта из текста");
        driver.findElement(By.id("reject-template")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Шаблон отклонён"));

        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.get(templateUrl);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reject-reason"))).getText())
            .contains("Уберите адрес сайта из текста");
        driver.findElement(By.id("edit-template")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body"))).clear();
        driver.findElement(By.id("body")).sendKeys("Здравствуйте! Заказ {{1}} готов.");
        scrollAndClick(By.id("save-template"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submit-template"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("template-state"), "На модерации"));

        logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        driver.get(baseUrl() + "/admin/moderation");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-template"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Шаблон одобрен"));

        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.get(templateUrl);
        wait.until(ExpectedConditions.textToBe(By.id("template-state"), "Одобрен"));

        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        String id = api.sendOne(MessagesApi.message("{\"whatsapp\":{\"templateName\":\"" + name + "\",\"templateData\":{\"1\":\"A-7\"}}}",
                "{\"phone\":\"79161239999\"}"));
        api.awaitStatus(id, "DELIVERED");
        driver.get(baseUrl() + "/messages/" + id);
        wait.until(ExpectedConditions.textToBe(By.id("message-status"), "Доставлено"));
        assertThat(driver.findElement(By.cssSelector("#cascade .attempt-text")).getText()).contains("Заказ A-7 готов.");
    }

    @Test
    void aModeratorSeesEveryNetworksTextOfAMailruTemplateAndWhereEachWhatsAppButtonLeads() throws Exception {
        TestCompany acme = accounts.company();
        io.kaskad.support.TemplatesApi templatesApi = new io.kaskad.support.TemplatesApi(mvc, templates);
        String mailru = templatesApi.submitted(acme, """
                {"type":"MAILRU","name":"Акция %s","email":"shop@example.com","body":"Общий текст акции",
                 "vkBody":"Текст для ВКонтакте","vkGroupUrl":"https://vk.com/kaskad_shop","okGroupUrl":"https://ok.ru/kaskadshop"}"""
            .formatted(TestAccounts.unique()));
        String whatsApp = templatesApi.submitted(acme, """
                {"type":"WHATSAPP","name":"promo_%s","languageCode":"ru","header":{"type":"IMAGE","url":"https://shop.example/banner.png"},
                 "body":"Заказ {{1}} готов","buttons":[{"type":"URL","text":"Открыть заказ","url":"https://shop.example/orders"},
                 {"type":"PHONE","text":"Позвонить","phone":"+74951234567"}]}""".formatted(TestAccounts.unique().replace('-', '_')));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        driver.get(baseUrl() + "/admin/moderation/" + mailru);
        String vk = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailru-vk"))).getText();
        assertThat(vk).contains("Текст для ВКонтакте", "https://vk.com/kaskad_shop").doesNotContain("общий текст");
        assertThat(driver.findElement(By.id("mailru-ok")).getText()).contains("общий текст", "Общий текст акции", "https://ok.ru/kaskadshop");
        assertThat(driver.findElement(By.id("mailru-preview")).getText()).contains("shop@example.com");

        driver.get(baseUrl() + "/admin/moderation/" + whatsApp);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("whatsapp-preview")));
        assertThat(driver.findElements(By.cssSelector(".whatsapp-button-target"))).extracting(e -> e.getText())
            .containsExactly("Ссылка: https://shop.example/orders", "Звонок: +74951234567");
        assertThat(driver.findElement(By.cssSelector(".whatsapp-media")).getText()).isEqualTo("Изображение: https://shop.example/banner.png");

        // the client's saved template shows the same
        logIn(acme.username(), TestAccounts.PASSWORD);
        driver.get(baseUrl() + "/templates/" + mailru);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailru-vk"))).getText()).contains("Текст для ВКонтакте");
    }
}
