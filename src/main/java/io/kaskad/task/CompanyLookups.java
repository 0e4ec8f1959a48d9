package io.kaskad.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatSessionService;
import io.kaskad.common.NotFoundException;
import io.kaskad.message.SendTemplates;
import io.kaskad.message.SendTemplates.NotificationDefaults;
import io.kaskad.message.TemplateNotUsableException;
import io.kaskad.message.TemplateParameterException;

/**
 * What checking one company's file needs to look up: its chat sessions (asked in batches), its chats
 * and templates (each asked once per file, however many rows name it).
 */
final class CompanyLookups {

    /** A template as a row may use it: its channels and texts when approved, or why not. */
    record TemplateCheck(NotificationDefaults defaults, ProblemCode problem, String state) {
    }

    private final long companyId;
    private final ChatService chats;
    private final ChatSessionService sessions;
    private final SendTemplates templates;
    private final Map<String, Boolean> knownChats = new HashMap<>();
    private final Map<String, TemplateCheck> notificationTemplates = new HashMap<>();
    private final Map<String, TemplateCheck> whatsAppTemplates = new HashMap<>();

    CompanyLookups(long companyId, ChatService chats, ChatSessionService sessions, SendTemplates templates) {
        this.companyId = companyId;
        this.chats = chats;
        this.sessions = sessions;
        this.templates = templates;
    }

    Set<String> existingSessions(Collection<String> sessionIds) {
        return sessions.existingSessions(companyId, sessionIds);
    }

    boolean chatExists(String chatId) {
        return knownChats.computeIfAbsent(chatId, id -> {
            try {
                chats.get(companyId, id);
                return true;
            }
            catch (NotFoundException unknown) {
                return false;
            }
        });
    }

    TemplateCheck notificationTemplate(String templateId) {
        return notificationTemplates.computeIfAbsent(templateId, id -> {
            try {
                return new TemplateCheck(templates.notification(companyId, id), null, null);
            }
            catch (TemplateNotUsableException refused) {
                return refusal(refused);
            }
        });
    }

    /** Whether the WhatsApp template is approved and the row's variables fill its {{n}} parameters. */
    TemplateCheck whatsAppTemplate(String name, Map<String, Object> variables) {
        String key = name + "\u0000" + new TreeSet<>(variables.keySet());
        return whatsAppTemplates.computeIfAbsent(key, k -> {
            try {
                templates.whatsAppText(companyId, name, variables);
                return new TemplateCheck(null, null, null);
            }
            catch (TemplateNotUsableException refused) {
                return refusal(refused);
            }
            catch (TemplateParameterException missing) {
                return new TemplateCheck(null, ProblemCode.MISSING_VARIABLE, String.join(", ", missing.missing()));
            }
        });
    }

    private static TemplateCheck refusal(TemplateNotUsableException refused) {
        return refused.state() == null ? new TemplateCheck(null, ProblemCode.UNKNOWN_TEMPLATE, null)
                : new TemplateCheck(null, ProblemCode.UNAPPROVED_TEMPLATE, refused.state());
    }
}
