package io.kaskad.chat.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kaskad.account.PortalUser;
import io.kaskad.chat.ChatSessionQueries;

/** The menu's count of dialogs waiting for an operator, on every page of a client user (refreshed with the Диалоги list). */
@ControllerAdvice
class WaitingDialogsAdvice {

    private final ChatSessionQueries sessions;

    WaitingDialogsAdvice(ChatSessionQueries sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("waitingDialogs")
    Long waitingDialogs(@AuthenticationPrincipal Object principal) {
        return principal instanceof PortalUser user && !user.isAdmin() ? sessions.waitingForOperator(user.companyId()) : null;
    }
}
