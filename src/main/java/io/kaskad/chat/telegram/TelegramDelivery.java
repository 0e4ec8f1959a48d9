package io.kaskad.chat.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.kaskad.chat.Author;
import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatSessionService.DialogMessagesSaid;
import io.kaskad.chat.DialogMessage;
import io.kaskad.chat.MessengerType;
import io.kaskad.common.LogSafe;

/** Sends what the bot and operators say in Telegram sessions to the user's Telegram chat, once committed. */
@Component
class TelegramDelivery {

    private static final Logger log = LoggerFactory.getLogger(TelegramDelivery.class);

    private final ChatService chats;
    private final TelegramClient telegram;

    TelegramDelivery(ChatService chats, TelegramClient telegram) {
        this.chats = chats;
        this.telegram = telegram;
    }

    @TransactionalEventListener
    void deliver(DialogMessagesSaid said) {
        if (!MessengerType.TELEGRAM.name().equals(said.messengerType()) || said.messengerUserId() == null) {
            return;
        }
        String token = chats.telegramToken(said.chatId()).orElse(null);
        if (token == null) {
            log.warn("Session {} is a Telegram session but its chat has no bot any more", said.sessionId());
            return;
        }
        for (DialogMessage message : said.messages()) {
            if (message.author() == Author.CLIENT) {
                continue;
            }
            try {
                telegram.sendMessage(token, said.messengerUserId(), message.body(), message.answers());
            }
            catch (TelegramClient.TelegramException refused) {
                log.warn("Telegram refused a message of session {}: {}", said.sessionId(), LogSafe.of(refused.getMessage()));
            }
        }
    }
}
