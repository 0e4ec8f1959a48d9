package io.kaskad.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;

import io.kaskad.support.ChatsApi;
import io.kaskad.support.MessagesApi;
import io.kaskad.support.TestAccounts;
import io.kaskad.support.TestAccounts.TestCompany;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client sets up a chat with a bot, a visitor talks to it in the widget, the dialog shows up live in
 * "Диалоги", the client takes it over as an operator and answers, and the widget shows the answer
 * without a reload (server push).
 */
class ChatsBrowserIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Test
    void aVisitorTalksToTheBotAndThenToAnOperatorWhoAnswersLive() throws Exception {
        TestCompany acme = accounts.company();
        String scenarioName = "Опрос " + TestAccounts.unique();
        new ChatsApi(mvc, acme.bearer()).scenario(ChatsApi.NPS_SCENARIO.formatted(scenarioName));
        logIn(acme.username(), TestAccounts.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        // the client creates the chat with the scenario
        driver.findElement(By.cssSelector("#sidebar a[href='/chats']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-chat"))).click();
        driver.findElement(By.id("name")).sendKeys("Сайт магазина");
        new Select(driver.findElement(By.id("scenarioId"))).selectByVisibleText(scenarioName);
        driver.findElement(By.id("robotColor")).clear();
        driver.findElement(By.id("robotColor")).sendKeys("rgba(13, 110, 253, 0.9)");
        scrollAndClick(By.id("save-chat"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-rows"), scenarioName));
        String chatId = driver.findElement(By.cssSelector(".chat-row")).getAttribute("data-chat-id");

        // the operator goes on line in "Диалоги"
        driver.findElement(By.cssSelector("#sidebar a[href='/dialogs']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("operator-toggle"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("operator-state"), "на линии"));
        String portal = driver.getWindowHandle();

        // a visitor opens the widget in another tab and talks to the bot
        driver.switchTo().newWindow(WindowType.TAB);
        String widget = driver.getWindowHandle();
        driver.get(baseUrl() + "/widget/" + chatId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "оцените нас"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@class='answers']/button[text()='Оператор']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Соединяю с оператором"));

        // the dialog appears in the operator's list without a reload
        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dialog-rows"), "Ждёт оператора"));
        // it is announced (the list was open when it came), counted in the menu, and its status can be seen
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-notice")));
        wait.until(ExpectedConditions.textToBe(By.id("waiting-dialogs"), "1"));
        assertThat(driver.getTitle()).startsWith("(1) ");
        assertThat(driver.findElement(By.cssSelector(".dialog-row .dialog-status")).getCssValue("background-color"))
            .isNotIn("rgba(0, 0, 0, 0)", "transparent");
        // the session's id, which advertising tasks and the API take, is shown with a copy button
        String sessionId = driver.findElement(By.cssSelector(".dialog-row")).getAttribute("data-session-id");
        assertThat(driver.findElement(By.cssSelector(".dialog-row .session-id")).getText()).isEqualTo(sessionId);
        assertThat(driver.findElement(By.cssSelector(".dialog-row .copy-id")).getAttribute("data-copy-target")).isEqualTo("#session-id-" + sessionId);
        driver.findElement(By.cssSelector(".dialog-row a")).click();
        wait.until(ExpectedConditions.textToBe(By.id("session-id"), sessionId));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("take-over"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("dialog-status"), "У оператора"));
        driver.findElement(By.id("answer-text")).sendKeys("Здравствуйте! Я Анна, чем помочь?");
        driver.findElement(By.id("send-answer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Я Анна"));

        // the widget shows the operator's answer by itself
        driver.switchTo().window(widget);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.OPERATOR .bubble"), "Я Анна, чем помочь?"));
        assertThat(driver.findElements(By.cssSelector(".msg.BOT .bubble"))).extracting(e -> e.getText())
            .contains("Оператор подключился к диалогу.");

        // and the visitor's reply reaches the operator's transcript live
        driver.findElement(By.id("text")).sendKeys("Где мой заказ?");
        driver.findElement(By.id("send")).click();
        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Где мой заказ?"));
        driver.switchTo().window(widget);
        driver.close();
        driver.switchTo().window(portal);
    }

    /**
     * With nobody on line the visitor's dialog falls back to the offline scenario and ends; an advertising
     * message into that ended session starts a new one with the same client, which the open widget follows
     * (and keeps after a reload), and which runs the chat's own scenario now that an operator is on line.
     */
    @Test
    void anAdvertisingMessageIntoAnEndedSessionReachesTheVisitorsWidget() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String offline = chats.scenario("""
                {"name":"Ночью","start":"n","steps":[{"id":"n","messages":["Мы работаем с 9 до 18, оставьте вопрос"],"action":"END"}]}""");
        String toOperator = chats.scenario("""
                {"name":"К оператору","start":"o","steps":[{"id":"o","messages":["Соединяю с оператором"],"action":"OPERATOR"}]}""");
        String chatId = chats.chat("{\"name\":\"Витрина\",\"scenarioId\":\"" + toOperator + "\",\"offlineScenarioId\":\"" + offline + "\"}");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        signOut();
        driver.get(baseUrl() + "/widget/" + chatId);
        String widget = driver.getWindowHandle();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "оставьте вопрос"));
        wait.until(ExpectedConditions.attributeToBe(By.id("widget"), "data-status", "CLOSED"));
        String ended = driver.findElement(By.id("widget")).getAttribute("data-session-id");

        // an operator goes on line in another tab
        driver.switchTo().newWindow(WindowType.TAB);
        String portal = driver.getWindowHandle();
        new LoginPage(driver, baseUrl()).open().logInAs(acme.username(), TestAccounts.PASSWORD);
        driver.get(baseUrl() + "/dialogs");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("operator-toggle"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("operator-state"), "на линии"));

        // the company sends an advertising message into the ended session
        MessagesApi messages = new MessagesApi(mvc, acme.bearer());
        String messageId = messages.sendOne(MessagesApi.message(
                "{\"chat\":{\"chatSessionId\":\"" + ended + "\",\"text\":\"Скидка 10% до пятницы\"}}", "{\"phone\":\"79160000002\"}"));
        String fresh = JsonPath.read(messages.awaitStatus(messageId, "DELIVERED"), "$.attempts[0].providerMessageId");
        assertThat(fresh).isNotEqualTo(ended);

        // the visitor's open widget goes on in the new session without a reload
        driver.switchTo().window(widget);
        wait.until(ExpectedConditions.attributeToBe(By.id("widget"), "data-session-id", fresh));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Скидка 10% до пятницы"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Соединяю с оператором"));
        assertThat(driver.findElements(By.cssSelector(".msg.BOT .bubble"))).extracting(e -> e.getText())
            .containsExactly("Соединяю с оператором", "Мы работаем с 9 до 18, оставьте вопрос", "Скидка 10% до пятницы",
                    "Соединяю с оператором");

        // the new session waits for the operator who is on line instead of running the offline scenario
        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dialog-row[data-session-id='" + fresh + "']"),
                "Ждёт оператора"));

        // a reload keeps the visitor in the new session
        driver.switchTo().window(widget);
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Скидка 10% до пятницы"));
        assertThat(driver.findElement(By.id("widget")).getAttribute("data-session-id")).isEqualTo(fresh);
        driver.close();
        driver.switchTo().window(portal);
        driver.findElement(By.id("operator-toggle")).click();
        wait.until(ExpectedConditions.textToBe(By.id("operator-state"), "не на линии"));
    }

    /**
     * The chat's embed code on a site of another origin: the messengers' icon buttons beside a launcher,
     * no session before the visitor opens the chat, and the frame growing to the chat when they do.
     */
    @Test
    void theEmbedCodeShowsMessengerButtonsBesideALauncherThatOpensTheChat() throws Exception {
        TestCompany acme = accounts.company();
        ChatsApi chats = new ChatsApi(mvc, acme.bearer());
        String chatId = chats.chat("{\"name\":\"Лаунчер\",\"scenarioId\":\"" + chats.npsScenario()
                + "\",\"messengerLinks\":{\"WHATSAPP\":\"https://wa.me/79160000000\",\"TELEGRAM\":\"https://t.me/shop_bot\","
                + "\"PHONE\":\"+7 916 000-00-00\"}}");
        String code = JsonPath.read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/chats/{id}", chatId)
                .header("Authorization", acme.bearer())).andReturn().getResponse().getContentAsString(), "$.iframeCode");
        String site = "<!DOCTYPE html><html><body style=\"margin:0\"><h1>Магазин</h1>"
                + code.replace("http://localhost", baseUrl()) + "</body></html>";
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        // the client's site: another origin (127.0.0.1, not localhost) serving a page with the code in it
        WireMockServer shop = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        try {
            shop.stubFor(get("/shop.html").willReturn(
                    ok(site).withHeader("Content-Type", "text/html; charset=utf-8")));
            signOut();
            driver.get("http://127.0.0.1:" + shop.port() + "/shop.html");
            WebElement frame = driver.findElement(By.id("kaskad-chat-" + chatId));
            // closed, the frame is as large as its buttons: three messengers and the launcher in a row
            wait.until(d -> frame.getSize().getWidth() > 200 && frame.getSize().getHeight() < 100);
            driver.switchTo().frame(frame);
            assertThat(driver.findElements(By.cssSelector(".launcher-bar .messenger-button"))).extracting(e -> e.getAttribute("href"))
                .containsExactly("https://wa.me/79160000000", "https://t.me/shop_bot", "tel:+79160000000");
            assertThat(driver.findElement(By.cssSelector(".messenger-whatsapp img")).getAttribute("src")).endsWith("/assets/chat/messengers/whatsapp.svg");
            assertThat(driver.findElement(By.id("panel")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("widget")).getAttribute("data-session-id")).isNull();

            // the launcher opens the chat; its bot speaks, and the frame grows to hold it
            driver.findElement(By.id("launcher")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "оцените нас"));
            driver.switchTo().defaultContent();
            wait.until(d -> frame.getSize().getHeight() > 500);
            driver.switchTo().frame(frame);
            driver.findElement(By.id("close-panel")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("panel")));
            driver.switchTo().defaultContent();
            wait.until(d -> frame.getSize().getHeight() < 100);
        }
        finally {
            shop.stop();
        }
    }
}
