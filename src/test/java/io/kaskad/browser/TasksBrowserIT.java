package io.kaskad.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.kaskad.support.TaskFilesForTests;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client downloads the SMS template, fills it in with a few bad rows, uploads it, reads the report,
 * creates the task from the valid rows, starts it and watches the progress bar reach 100%.
 */
class TasksBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Test
    void aClientSendsAFilledTemplateAndWatchesTheTaskRun() throws Exception {
        TestCompany acme = accounts.company();
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        driver.findElement(By.cssSelector("#sidebar a[href='/tasks']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-task"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("column-table"), "phone"));

        // choosing a type shows its columns; the template downloads as an XLSX file
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByValue("ADVERTISING");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("column-table"), "chatSessionId"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByValue("SMS");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("column-table"), "phone"));
        Path template = Browsers.DOWNLOADS.resolve("kaskad-sms.xlsx");
        Files.deleteIfExists(template);
        driver.findElement(By.id("template-SMS")).click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(template) && Files.size(template) > 0);

        List<List<String>> rows = new ArrayList<>(TaskFilesForTests.read(Files.readAllBytes(template)).subList(0, 2));
        for (int i = 0; i < 5; i++) {
            rows.add(List.of("7916555000" + i, "Ваш заказ готов", "false"));
        }
        rows.add(List.of("12345", "Ваш заказ готов", "false"));
        rows.add(List.of("79165550009", "", "false"));
        Path filled = Files.createTempFile("filled", ".xlsx");
        Files.write(filled, TaskFilesForTests.xlsx(rows));

        driver.findElement(By.id("name")).sendKeys("Заказы готовы");
        driver.findElement(By.id("file")).sendKeys(filled.toString());
        scrollAndClick(By.id("upload"));

        // the report names the bad rows; the task is created from the valid ones
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("validation-summary"), "корректных: 5"));
        assertThat(driver.findElements(By.cssSelector(".report-row"))).hasSize(2);
        assertThat(driver.findElement(By.id("report")).getText()).contains("Неверный номер телефона «12345»")
            .contains("Не заполнено обязательное поле");
        assertThat(driver.findElement(By.id("download-report")).getAttribute("href")).contains("/report");
        scrollAndClick(By.id("confirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dry-run-messages"), "5"));

        scrollAndClick(By.id("start"));
        wait.until(ExpectedConditions.textToBe(By.id("progress-bar"), "100%"));
        wait.until(ExpectedConditions.textToBe(By.id("task-status"), "Завершено"));
        assertThat(driver.findElement(By.id("progress-count")).getText()).contains("5 из 5");

        // the task's messages are one click away
        scrollAndClick(By.id("task-messages"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages tbody tr"), 5));
    }

    @Test
    void theShortLinkOfATasksSmsNamesThePortThePortalWasOpenedAtAndLeadsToTheOriginal() throws Exception {
        TestCompany acme = accounts.company();
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Path file = Files.createTempFile("short-links", ".xlsx");
        Files.write(file, TaskFilesForTests.xlsx(List.of(List.of("phone", "text", "useShortLinks"),
                List.of("79165550042", "Заказ готов: https://shop.example/orders/42", "true"))));

        driver.get(baseUrl() + "/tasks/new");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("column-table"), "phone"));
        driver.findElement(By.id("name")).sendKeys("Ссылки");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        scrollAndClick(By.id("upload"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("validation-summary"), "корректных: 1"));
        scrollAndClick(By.id("confirm"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start")));
        scrollAndClick(By.id("start"));
        wait.until(ExpectedConditions.textToBe(By.id("task-status"), "Завершено"));
        scrollAndClick(By.id("task-messages"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages tbody tr"), 1));
        driver.findElement(By.cssSelector("#messages tbody tr a")).click();

        // the text the customer got and the page's table name one link, on the port the portal was opened at
        String sent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".attempt-text"))).getText();
        String shortUrl = driver.findElement(By.cssSelector("#short-links .short-link td:nth-child(2)")).getText();
        assertThat(baseUrl()).doesNotEndWith(":8080");
        assertThat(shortUrl).startsWith(baseUrl() + "/s/");
        assertThat(sent).isEqualTo("Заказ готов: " + shortUrl);

        HttpResponse<Void> followed = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(shortUrl)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(followed.statusCode()).isEqualTo(302);
        assertThat(followed.headers().firstValue("Location")).contains("https://shop.example/orders/42");
    }
}
