package io.kaskad.chat;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the bot itself says when no scenario does (greeting, nobody on line, an operator joined, the
 * dialog's result, the rating): from the message bundles, in the chats' language (Russian, the default bundle).
 */
@Component
class BotTexts {

    private static final Locale CHAT_LANGUAGE = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    BotTexts(MessageSource messages) {
        this.messages = messages;
    }

    String greeting() {
        return text("chat.bot.greeting");
    }

    String noOperators() {
        return text("chat.bot.no-operators");
    }

    String operatorJoined() {
        return text("chat.bot.operator-joined");
    }

    /** When every operator is at capacity and the chat has no busy text of its own. */
    String busy() {
        return text("chat.bot.busy");
    }

    String thanksForRating() {
        return text("chat.bot.thanks-for-rating");
    }

    /** Asked when a dialog ends without a result and the chat wants one. */
    String resultQuestion() {
        return text("chat.bot.result-question");
    }

    /** The answer buttons of {@link #resultQuestion()}; any other text the client writes is kept as the result too. */
    List<String> resultAnswers() {
        return List.of(text("chat.bot.result-solved"), text("chat.bot.result-unsolved"));
    }

    String thanksForResult() {
        return text("chat.bot.thanks-for-result");
    }

    String ratingQuestion(int scale) {
        return messages.getMessage("chat.bot.rating-question", new Object[] { scale }, CHAT_LANGUAGE);
    }

    private String text(String key) {
        return messages.getMessage(key, null, CHAT_LANGUAGE);
    }
}
