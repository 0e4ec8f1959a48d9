package io.kaskad.notice.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.kaskad.account.PortalUser;
import io.kaskad.notice.NoticeService;

/** "Уведомления": the company's notices, newest first; opening the page marks them read. */
@Controller
class NoticeController {

    private static final int SHOWN = 100;

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("notices", notices.latest(user.companyId(), SHOWN));
        notices.markAllRead(user.companyId());
        model.addAttribute("unreadNotices", 0L);
        return "notices/list";
    }
}
