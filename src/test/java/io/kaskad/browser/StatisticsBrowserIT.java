package io.kaskad.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;
import io.kaskad.support.TestAdmins;

import static io.kaskad.support.MessagesApi.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose SMS fell back to Viber sees it on Главная and in Статистика: the charts drawn by Chart.js, the
 * figures, and the CSV the page offers, downloaded by the browser with its session. An admin sees the platform's day.
 */
class StatisticsBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Test
    void theDashboardAndTheStatisticsPageChartAndCountTheDaysMessages() throws Exception {
        TestCompany acme = accounts.company();
        MessagesApi api = new MessagesApi(mvc, acme.bearer());
        api.awaitStatus(api.sendOne(message("{\"sms\":{\"text\":\"x\"}}", "{\"phone\":\"79161234567\"}")), "DELIVERED");
        api.awaitStatus(api.sendOne(message("{\"sms\":{\"text\":\"x\"},\"viber\":{\"text\":\"x\"}}", "{\"phone\":\"70000000001\"}")),
                "DELIVERED");
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#last-24h canvas[data-rendered='true']")));
        assertThat(driver.findElement(By.id("figure-accepted")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("figure-rate")).getText()).isEqualTo("100 % завершённых");
        assertThat(driver.findElement(By.id("figure-fallbacks")).getText()).isEqualTo("1");

        driver.findElement(By.cssSelector("#sidebar a[href='/statistics']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("canvas[data-rendered='true']"), 2));
        assertThat(driver.findElement(By.id("figure-delivered")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("channel-SMS")).getText()).startsWith("SMS 2 2 1 50 % 1");
        assertThat(driver.findElement(By.id("channel-VIBER")).getText()).startsWith("Viber 1 1 1 100 %");
        assertThat(driver.findElement(By.id("depth-table")).getText()).contains("1-й канал 1", "2-й канал 1");
        screenshot("statistics.png");

        String csv = download(driver.findElement(By.id("export-statistics")).getAttribute("href"));
        // every table of the page, each under its heading
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFПо времени");
        assertThat(lines.get(1)).isEqualTo("Начало;Принято;Доставлено;Не доставлено;Отменено;Отклонено;В работе");
        assertThat(lines.stream().skip(2).takeWhile(line -> !line.isEmpty()).mapToLong(line -> Long.parseLong(line.split(";")[1])).sum())
            .isEqualTo(2);
        assertThat(lines).contains("По каналам", "На каком канале каскада доставлено", "1-й канал;1", "2-й канал;1",
                "Переходы на следующий канал", "Ошибка;1", "Чат-сессии");
        assertThat(lines.stream().filter(line -> line.startsWith("SMS;"))).containsExactly("SMS;2;2;1;50.0;1;0;0;0;0;10;0");

        // counts are drawn as bars, on one axis of counts
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return Chart.getChart(document.querySelector('canvas[data-table=\"series-table\"]')).config.type === 'bar' ? 1 : 0")).intValue())
            .isEqualTo(1);
        assertThat(driver.findElement(By.id("period")).getAttribute("value")).isEqualTo("today");

        logIn(TestAdmins.USERNAME, TestAdmins.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#last-24h canvas[data-rendered='true']")));
        assertThat(Long.parseLong(driver.findElement(By.id("figure-accepted")).getText())).isGreaterThanOrEqualTo(2);
    }

    /** What the browser gets from {@code href} with its own session, as text. */
    private static String download(String href) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)));""",
                href);
    }
}
