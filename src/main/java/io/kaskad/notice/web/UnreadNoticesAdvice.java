package io.kaskad.notice.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kaskad.account.PortalUser;
import io.kaskad.notice.NoticeService;

/** The layout's unread-notices count, for client users. */
@ControllerAdvice
class UnreadNoticesAdvice {

    private final NoticeService notices;

    UnreadNoticesAdvice(NoticeService notices) {
        this.notices = notices;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices(@AuthenticationPrincipal Object principal) {
        return principal instanceof PortalUser user && !user.isAdmin() ? notices.unread(user.companyId()) : null;
    }
}
