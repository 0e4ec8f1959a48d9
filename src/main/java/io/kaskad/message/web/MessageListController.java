package io.kaskad.message.web;

import java.time.ZoneId;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.channel.Channel;
import io.kaskad.message.MessageQueries;
import io.kaskad.message.MessageStatus;
import io.kaskad.message.MessageSummary;

/**
 * "Просмотр сообщений": newest first, filtered, paged by keyset ("show more" loads the next page
 * below, with htmx). A row whose message is still in flight refreshes itself until it is final.
 */
@Controller
class MessageListController {

    static final int PAGE_SIZE = 50;

    private final MessageQueries queries;
    private final CompanyService companies;

    MessageListController(MessageQueries queries, CompanyService companies) {
        this.queries = queries;
        this.companies = companies;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("channels", Channel.values());
    }

    @GetMapping("/messages")
    String list(@AuthenticationPrincipal PortalUser user, @ModelAttribute("filter") MessageFilterForm filter,
            @RequestParam(required = false) Long before, HtmxRequest htmx, Model model) {
        ZoneId zone = companies.get(user.companyId()).zoneId();
        List<MessageSummary> page = queries.newest(user.companyId(), filter.toFilter(zone), before, PAGE_SIZE + 1);
        model.addAttribute("messages", page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page);
        model.addAttribute("nextCursor", page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).cursor() : null);
        model.addAttribute("zone", zone);
        if (htmx.isHtmxRequest()) {
            return before == null ? "messages/list :: results" : "messages/list :: rows";
        }
        return "messages/list";
    }

    /** One row, for the rows that refresh themselves while their message is in flight. */
    @GetMapping("/messages/{messageId}/row")
    String row(@AuthenticationPrincipal PortalUser user, @PathVariable String messageId, Model model) {
        model.addAttribute("m", queries.one(user.companyId(), messageId));
        model.addAttribute("zone", companies.get(user.companyId()).zoneId());
        return "messages/list :: row";
    }
}
