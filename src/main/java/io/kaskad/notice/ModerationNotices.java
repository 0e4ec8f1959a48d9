package io.kaskad.notice;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.kaskad.template.TemplateModerated;

/** A moderation decision becomes a portal notice in the decision's own transaction: both happen, or neither. */
@Component
class ModerationNotices {

    private final NoticeService notices;

    ModerationNotices(NoticeService notices) {
        this.notices = notices;
    }

    @EventListener
    void on(TemplateModerated decision) {
        notices.add(decision.companyId(), decision.approved() ? "notice.template.approved" : "notice.template.rejected",
                decision.name(), decision.reason(), "/templates/" + decision.templateId());
    }
}
