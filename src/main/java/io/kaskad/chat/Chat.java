package io.kaskad.chat;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A company's chat: its bot scenario (and the one for when no operator is on line), its settings as
 * JSON ({@link ChatSettings}) and, once linked, its Telegram bot.
 */
@Table("chat")
record Chat(@Id Long id, String publicId, long companyId, String name, String scenarioId, String offlineScenarioId, String settings,
        String telegramToken, String telegramBotName, String telegramSecret, Instant createdAt, Instant updatedAt) {

    Chat edited(String newName, String newScenarioId, String newOfflineScenarioId, String newSettings, Instant at) {
        return new Chat(id, publicId, companyId, newName, newScenarioId, newOfflineScenarioId, newSettings, telegramToken,
                telegramBotName, telegramSecret, createdAt, at);
    }

    Chat withTelegram(String token, String botName, String secret, Instant at) {
        return new Chat(id, publicId, companyId, name, scenarioId, offlineScenarioId, settings, token, botName, secret, createdAt, at);
    }
}
