package io.kaskad.chat.telegram;

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
import tools.jackson.databind.JsonNode;

/**
 * Telegram's updates for a chat's bot. Telegram sends back the secret given at {@code setWebhook} in
 * {@code X-Telegram-Bot-Api-Secret-Token}; calls without it are refused. An update Kaskad cannot use
 * is still answered 200, or Telegram would resend it forever.
 */
@RestController
class TelegramWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final ChatService chats;
    private final ChatSessionService sessions;

    TelegramWebhookController(ChatService chats, ChatSessionService sessions) {
        this.chats = chats;
        this.sessions = sessions;
    }

    @PostMapping("/telegram/webhook/{chatId}")
    ResponseEntity<Void> update(@PathVariable String chatId,
            @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret, @RequestBody JsonNode update) {
        if (!chats.telegramSecretMatches(chatId, secret)) {
            return ResponseEntity.status(403).build();
        }
        JsonNode message = update.path("message");
        if (message.isMissingNode() || !message.path("chat").has("id")) {
            return ResponseEntity.ok().build();
        }
        String user = message.path("chat").path("id").asString();
        String name = (message.path("from").path("first_name").asString("") + " " + message.path("from").path("last_name").asString("")).strip();
        String text = message.path("text").asString(null);
        try {
            sessions.fromMessenger(chatId, MessengerType.TELEGRAM, user, name.isEmpty() ? null : name, text);
        }
        catch (RuntimeException unusable) {
            log.warn("Telegram update {} for chat {} not taken: {}", update.path("update_id").asString(), chatId, unusable.getMessage());
        }
        return ResponseEntity.ok().build();
    }
}
