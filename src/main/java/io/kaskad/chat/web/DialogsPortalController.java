package io.kaskad.chat.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.kaskad.account.PortalUser;
import io.kaskad.chat.ChatService;
import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.chat.ChatSessionService;
import io.kaskad.chat.Operators;
import io.kaskad.chat.SessionSummary;
import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.NotFoundException;

/**
 * "Диалоги": the live list of sessions (it refreshes itself every two seconds, which also keeps the
 * operator on line), a dialog's transcript, and the operator's actions: take over, answer, hand back
 * to the bot, close.
 */
@Controller
class DialogsPortalController {

    static final int LIST_SIZE = 100;

    private final ChatService chats;
    private final ChatSessionQueries queries;
    private final ChatSessionService sessions;
    private final Operators operators;
    private final MessageSource texts;

    DialogsPortalController(ChatService chats, ChatSessionQueries queries, ChatSessionService sessions, Operators operators,
            MessageSource texts) {
        this.chats = chats;
        this.queries = queries;
        this.sessions = sessions;
        this.operators = operators;
        this.texts = texts;
    }

    @GetMapping("/dialogs")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String chat, Model model) {
        model.addAttribute("chats", chats.search(user.companyId(), null));
        model.addAttribute("chat", chat);
        model.addAttribute("online", operators.online(user.userId()));
        model.addAttribute("dialogs", queries.recent(user.companyId(), chat, LIST_SIZE));
        return "chats/dialogs";
    }

    @GetMapping("/dialogs/rows")
    String rows(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String chat, Model model) {
        operators.heartbeat(user.userId());
        model.addAttribute("chat", chat);
        model.addAttribute("online", operators.online(user.userId()));
        model.addAttribute("refreshPresence", true);
        model.addAttribute("dialogs", queries.recent(user.companyId(), chat, LIST_SIZE));
        return "chats/dialogs :: rows";
    }

    @PostMapping("/dialogs/online")
    String online(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "true") boolean on,
            @RequestParam(required = false) String chat, RedirectAttributes redirect) {
        if (on) {
            operators.goOnline(user.companyId(), user.userId());
        }
        else {
            operators.goOffline(user.companyId(), user.userId());
        }
        // as a redirect attribute, the value is encoded into the query, never read as part of a URI template
        if (chat != null && !chat.isBlank()) {
            redirect.addAttribute("chat", chat);
        }
        return "redirect:/dialogs";
    }

    @GetMapping("/dialogs/{sessionId}")
    String dialog(@AuthenticationPrincipal PortalUser user, @PathVariable String sessionId, Model model) {
        transcript(user, sessionId, model);
        return "chats/dialog";
    }

    @GetMapping("/dialogs/{sessionId}/transcript")
    String transcriptFragment(@AuthenticationPrincipal PortalUser user, @PathVariable String sessionId, Model model) {
        operators.heartbeat(user.userId());
        transcript(user, sessionId, model);
        return "chats/dialog :: transcript";
    }

    @PostMapping("/dialogs/{sessionId}/take")
    String take(@AuthenticationPrincipal PortalUser user, @PathVariable String sessionId, RedirectAttributes redirect) {
        return acting(sessionId, redirect, () -> sessions.takeOver(user.companyId(), user.userId(), sessionId));
    }

    @PostMapping("/dialogs/{sessionId}/answer")
    String answer(@AuthenticationPrincipal PortalUser user, @PathVariable String sessionId, @RequestParam String text, Model model) {
        try {
            sessions.operatorMessage(user.companyId(), user.userId(), sessionId, text);
        }
        catch (InvalidRequestException | ConflictException refused) {
            model.addAttribute("problem", message(refused));
        }
        transcript(user, sessionId, model);
        return "chats/dialog :: transcript";
    }

    @PostMapping("/dialogs/{sessionId}/hand-back")
    String handBack(@AuthenticationPrincipal PortalUser user, @PathVariable String sessionId, RedirectAttributes redirect) {
        return acting(sessionId, redirect, () -> sessions.handBack(user.companyId(), sessionId));
    }

    @PostMapping("/dialogs/{sessionId}/close")
    String close(@AuthenticationPrincipal PortalUser user, @PathVariable String sessionId, @RequestParam(required = false) String result,
            RedirectAttributes redirect) {
        return acting(sessionId, redirect, () -> sessions.close(user.companyId(), sessionId, result));
    }

    private String acting(String sessionId, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        }
        catch (InvalidRequestException | ConflictException refused) {
            redirect.addFlashAttribute("problem", message(refused));
        }
        redirect.addAttribute("sessionId", sessionId);
        return "redirect:/dialogs/{sessionId}";
    }

    private void transcript(PortalUser user, String sessionId, Model model) {
        SessionSummary dialog = queries.get(user.companyId(), sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId));
        model.addAttribute("dialog", dialog);
        model.addAttribute("messages", queries.transcript(user.companyId(), sessionId, 0));
        model.addAttribute("mine", dialog.operatorUserId() != null && dialog.operatorUserId() == user.userId());
        model.addAttribute("resultRequired", chats.get(user.companyId(), dialog.chatId()).dialogResultRequest());
    }

    private String message(RuntimeException refused) {
        if (refused instanceof InvalidRequestException invalid) {
            var p = invalid.problems().get(0);
            return texts.getMessage(p.messageCode(), p.args(), p.messageCode(), LocaleContextHolder.getLocale());
        }
        return texts.getMessage(((ConflictException) refused).messageCode(), null, LocaleContextHolder.getLocale());
    }
}
