package io.kaskad.browser;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client connects the company's mail server on "Провайдеры", checks it, sends an e-mail from the
 * portal, and sees it delivered through that connection; the test's SMTP server has the e-mail.
 */
class ProvidersBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Test
    void aClientConnectsAnSmtpServerChecksItAndSendsAnEmailThroughIt() {
        TestCompany acme = accounts.company();
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        driver.get(baseUrl() + "/settings");
        driver.findElement(By.linkText("Провайдеры")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-smtp")));
        assertThat(driver.findElement(By.cssSelector(".kaskad-empty")).getText()).isEqualTo("Подключений пока нет.");
        driver.findElement(By.id("add-smtp")).click();
        driver.findElement(By.id("name")).sendKeys("Почта магазина");
        driver.findElement(By.id("settings-host")).sendKeys("127.0.0.1");
        driver.findElement(By.id("settings-port")).sendKeys(String.valueOf(greenMail.getSmtp().getPort()));
        new Select(driver.findElement(By.id("settings-security"))).selectByVisibleText("Без шифрования");
        driver.findElement(By.id("settings-fromAddress")).sendKeys("shop@example.org");
        driver.findElement(By.id("settings-fromName")).sendKeys("Магазин");
        scrollAndClick(By.id("save-provider"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("providers"), "Почта магазина"));
        // the saved connection is listed, said once, and no longer under "none yet"
        assertThat(driver.findElements(By.cssSelector(".alert-success"))).extracting(e -> e.getText()).containsExactly("Подключение сохранено.");
        assertThat(driver.findElements(By.cssSelector(".kaskad-empty"))).isEmpty();
        scrollAndClick(By.cssSelector(".provider-row .provider-check"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-result"), "проверка прошла"));

        String email = "olga-" + TestAccounts.unique() + "@example.org";
        driver.get(baseUrl() + "/messages/new");
        new Select(driver.findElement(By.id("channels0.channel"))).selectByValue("email");
        driver.findElement(By.id("channels0.text")).sendKeys("Ваш заказ готов, заберите его до пятницы");
        driver.findElement(By.id("emailSubject")).sendKeys("Ваш заказ готов");
        driver.findElement(By.id("emailHtml")).sendKeys("<p>Ваш заказ <b>готов</b></p>");
        driver.findElement(By.id("email")).sendKeys(email);
        scrollAndClick(By.id("send-message"));

        wait.until(ExpectedConditions.textToBe(By.id("message-status"), "Доставлено"));
        assertThat(driver.findElement(By.cssSelector("#cascade .attempt-connection")).getText()).isEqualTo("через «Почта магазина»");
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email) && m.getSubject().equals("Ваш заказ готов")
                        && "<p>Ваш заказ <b>готов</b></p>".equals(part(m, "text/html"))
                        && "Ваш заказ готов, заберите его до пятницы".equals(part(m, "text/plain"));
            }
            catch (jakarta.mail.MessagingException | java.io.IOException e) {
                return false;
            }
        })).hasSize(1);
    }

    /** The text of the first part of type {@code type}, however deep the e-mail nests it. */
    private static String part(jakarta.mail.Part part, String type) throws jakarta.mail.MessagingException, java.io.IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent()).strip();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
