package io.kaskad.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;

/** What an operator does with a dialog in "Диалоги": take it over, answer, hand it back to the bot, close it. */
@Component
class OperatorActions {

    private final ChatService chatService;
    private final SessionChanges changes;
    private final BotTurns bot;
    private final BotTexts texts;
    private final Clock clock;

    OperatorActions(ChatService chatService, SessionChanges changes, BotTurns bot, BotTexts texts, Clock clock) {
        this.chatService = chatService;
        this.changes = changes;
        this.bot = bot;
        this.texts = texts;
        this.clock = clock;
    }

    /** The operator takes the dialog from the bot (or from the queue); the client is told. */
    void takeOver(long companyId, long userId, String sessionPublicId) {
        ChatSession session = changes.lockOpen(companyId, sessionPublicId);
        if (hasIt(session, userId)) {
            return;
        }
        List<DialogMessage> said = new ArrayList<>();
        said.add(changes.say(session, Author.BOT, texts.operatorJoined(), List.of()));
        changes.save(session.withOperator(userId, SessionStatus.OPERATOR).touched(clock.instant()), said);
    }

    /** The operator's answer; answering a dialog the operator does not have yet takes it over. */
    DialogMessage answer(long companyId, long userId, String sessionPublicId, String text) {
        if (!SessionRules.isOperatorText(text)) {
            throw new InvalidRequestException(List.of(new Problem("text", "chat.message.body.required")));
        }
        ChatSession session = changes.lockOpen(companyId, sessionPublicId);
        List<DialogMessage> said = new ArrayList<>();
        if (!hasIt(session, userId)) {
            said.add(changes.say(session, Author.BOT, texts.operatorJoined(), List.of()));
            session = session.withOperator(userId, SessionStatus.OPERATOR);
        }
        DialogMessage answer = changes.say(session, Author.OPERATOR, text.strip(), List.of());
        said.add(answer);
        changes.save(session.touched(clock.instant()), said);
        return answer;
    }

    /** Back to the bot, which starts its scenario again keeping the results so far. */
    void handBack(long companyId, String sessionPublicId) {
        ChatSession session = changes.lockOpen(companyId, sessionPublicId);
        List<DialogMessage> said = new ArrayList<>();
        ChatSession back = session.withOperator(null, SessionStatus.ACTIVE);
        changes.save(bot.startBot(back, bot.chatOf(session), changes.results(session), said), said);
    }

    /** The operator ends the dialog, with its result or without (a chat that asks for the result then asks the client). */
    void close(long companyId, String sessionPublicId, String result) {
        ChatSession session = changes.lockOpen(companyId, sessionPublicId);
        ChatSettings settings = chatService.settings(bot.chatOf(session));
        if (result != null && result.strip().length() > BotTurns.MAX_RESULT) {
            throw new InvalidRequestException(List.of(new Problem("result", "chat.dialog.result.too-long")));
        }
        ChatSession closing = result == null || result.isBlank() ? session : bot.withResult(session, result.strip());
        List<DialogMessage> said = new ArrayList<>();
        changes.save(bot.end(closing, SessionStatus.CLOSED, settings, said), said);
    }

    private static boolean hasIt(ChatSession session, long userId) {
        return session.status() == SessionStatus.OPERATOR && session.operatorUserId() != null && session.operatorUserId() == userId;
    }
}
