package io.kaskad.chat.telegram;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatSessionService;
import io.kaskad.chat.MessengerType;
import io.kaskad.common.LogSafe;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram's updates for a chat's bot. Telegram sends back the secret given at {@code setWebhook} in
 * {@code X-Telegram-Bot-Api-Secret-Token}; calls without it are refused. An update Kaskad cannot use
 * is still answered 200, or Telegram would resend it forever: one that is not JSON, or whose fields have the
 * wrong shape (an object where the chat id should be), is logged and ignored.
 */
@RestController
class TelegramWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final ChatService chats;
    private final ChatSessionService sessions;
    private final JsonMapper json;

    TelegramWebhookController(ChatService chats, ChatSessionService sessions, JsonMapper json) {
        this.chats = chats;
        this.sessions = sessions;
        this.json = json;
    }

    @PostMapping("/telegram/webhook/{chatId}")
    ResponseEntity<Void> update(@PathVariable String chatId,
            @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret, @RequestBody String body) {
        if (!chats.telegramSecretMatches(chatId, secret)) {
            return ResponseEntity.status(403).build();
        }
        JsonNode update;
        try {
            update = json.readTree(body);
        }
        catch (JacksonException notJson) {
            log.warn("Telegram update for chat {} is not JSON: ignored", LogSafe.of(chatId));
            return ResponseEntity.ok().build();
        }
        JsonNode message = update.path("message");
        Optional<String> user = integral(message.path("chat").path("id"));
        if (user.isEmpty()) {
            log.info("Telegram update {} for chat {} carries no message with a chat id: ignored", LogSafe.of(text(update.path("update_id"))),
                    LogSafe.of(chatId));
            return ResponseEntity.ok().build();
        }
        String name = (text(message.path("from").path("first_name")) + " " + text(message.path("from").path("last_name"))).strip();
        String text = message.path("text").isString() ? message.path("text").asString() : null;
        try {
            sessions.fromMessenger(chatId, MessengerType.TELEGRAM, user.get(), name.isEmpty() ? null : name, text);
        }
        catch (RuntimeException unusable) {
            log.warn("Telegram update {} for chat {} not taken: {}", LogSafe.of(text(update.path("update_id"))), LogSafe.of(chatId),
                    LogSafe.of(unusable.getMessage()));
        }
        return ResponseEntity.ok().build();
    }

    /** Telegram's ids are integers; anything else in their place is a payload of the wrong shape. */
    private static Optional<String> integral(JsonNode node) {
        return node.isIntegralNumber() ? Optional.of(node.bigIntegerValue().toString()) : Optional.empty();
    }

    /** A scalar field as text, empty for a missing one or one of the wrong shape (an object where a name should be). */
    private static String text(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : "";
    }
}
