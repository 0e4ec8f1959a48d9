package io.kaskad.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Time's side of a dialog, run by {@link SessionSweepJob}: sessions whose lifetime of inactivity has
 * passed end (asking for a rating when the chat wants one), and the rating asked in the middle of a
 * dialog is asked when its time comes. Each is checked again under the session's lock.
 */
@Component
class SessionSweep {

    private final SessionStore sessions;
    private final ChatRepository chats;
    private final ChatService chatService;
    private final SessionChanges changes;
    private final BotTurns bot;
    private final Clock clock;

    SessionSweep(SessionStore sessions, ChatRepository chats, ChatService chatService, SessionChanges changes, BotTurns bot, Clock clock) {
        this.sessions = sessions;
        this.chats = chats;
        this.chatService = chatService;
        this.changes = changes;
        this.bot = bot;
        this.clock = clock;
    }

    List<String> dueForExpiry(int limit) {
        return sessions.dueForExpiry(clock.instant(), limit);
    }

    List<String> dueForIntermediateFeedback(int limit) {
        return sessions.dueForIntermediateFeedback(clock.instant(), limit);
    }

    /** Ends the session if its lifetime of inactivity has passed; answers whether it did. */
    boolean expire(String sessionPublicId) {
        ChatSession session = sessions.lock(sessionPublicId).orElse(null);
        Instant now = clock.instant();
        if (session == null || !session.status().open() || session.expiresAt().isAfter(now)) {
            return false;
        }
        ChatSettings settings = chats.findById(session.chatId()).map(chatService::settings).orElse(null);
        List<DialogMessage> said = new ArrayList<>();
        changes.save(settings == null ? session.ended(SessionStatus.EXPIRED, now) : bot.end(session, SessionStatus.EXPIRED, settings, said),
                said);
        return true;
    }

    /** Asks for a rating in the middle of the dialog, once, when the chat's intermediate feedback time has come. */
    void askIntermediateFeedback(String sessionPublicId) {
        ChatSession session = sessions.lock(sessionPublicId).orElse(null);
        Instant now = clock.instant();
        if (session == null || !session.status().open() || session.intermediateFeedbackAt() == null
                || session.intermediateFeedbackAt().isAfter(now)) {
            return;
        }
        ChatSettings settings = chats.findById(session.chatId()).map(chatService::settings).orElse(null);
        List<DialogMessage> said = new ArrayList<>();
        ChatSession asked = session.withIntermediateFeedbackAt(null);
        if (settings != null) {
            said.add(bot.askRating(session, settings));
            asked = asked.withFeedbackUntil(now.plusSeconds(settings.feedbackPeriod()));
        }
        changes.save(asked, said);
    }
}
