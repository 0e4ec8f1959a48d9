package io.kaskad.chat.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Telegram Bot API calls Kaskad makes ({@code https://api.telegram.org/bot<token>/<method>}, JSON
 * bodies, answers {@code {"ok":true,"result":…}} or {@code {"ok":false,"description":…}}).
 */
@Component
public class TelegramClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final String apiUrl;

    TelegramClient(JsonMapper json, @Value("${kaskad.telegram.api-url:https://api.telegram.org}") String apiUrl) {
        this.json = json;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /** A refusal or an unreachable Telegram, with Telegram's own description when it gave one. */
    public static class TelegramException extends RuntimeException {
        TelegramException(String message) {
            super(message);
        }
    }

    /** The bot's {@code @username}; throws when the token is not a bot's. */
    public String botName(String token) {
        JsonNode result = call(token, "getMe", Map.of());
        return result.path("username").asString(result.path("first_name").asString(""));
    }

    public void setWebhook(String token, String url, String secret) {
        call(token, "setWebhook", Map.of("url", url, "secret_token", secret, "allowed_updates", List.of("message")));
    }

    public void deleteWebhook(String token) {
        call(token, "deleteWebhook", Map.of());
    }

    /** A text, with the bot's answer buttons as a one-time reply keyboard. */
    public void sendMessage(String token, String chatId, String text, List<String> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", text);
        if (answers != null && !answers.isEmpty()) {
            body.put("reply_markup", Map.of("keyboard", answers.stream().map(a -> List.of(Map.of("text", a))).toList(),
                    "resize_keyboard", true, "one_time_keyboard", true));
        }
        call(token, "sendMessage", body);
    }

    private JsonNode call(String token, String method, Map<String, ?> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/bot" + token + "/" + method))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException unreachable) {
            throw new TelegramException("Telegram is unreachable: " + unreachable.getMessage());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TelegramException("interrupted");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        }
        catch (RuntimeException notJson) {
            throw new TelegramException("Telegram answered HTTP " + response.statusCode());
        }
        if (!answer.path("ok").asBoolean(false)) {
            throw new TelegramException(answer.path("description").asString("Telegram answered HTTP " + response.statusCode()));
        }
        return answer.path("result");
    }
}
