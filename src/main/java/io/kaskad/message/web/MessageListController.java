package io.kaskad.message.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

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
import io.kaskad.common.CsvLines;
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
    /** A recipient, bulk or task filter counts its matches exactly up to this, and says "more than" beyond (others count from the counters). */
    static final int COUNT_CAP = 10_000;
    static final int EXPORT_CAP = 100_000;
    private static final int EXPORT_PAGE = 1_000;

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
        if (before == null) {
            model.addAttribute("total", queries.total(user.companyId(), filter.toFilter(zone), COUNT_CAP));
        }
        if (htmx.isHtmxRequest()) {
            return before == null ? "messages/list :: results" : "messages/list :: rows";
        }
        return "messages/list";
    }

    /**
     * The filtered list as CSV (UTF-8 with a byte-order mark and semicolons, as Excel opens it in a
     * Russian locale), newest first, read a page at a time; at most {@link #EXPORT_CAP} rows — a larger
     * export is a job for the statistics API.
     */
    @GetMapping("/messages/export.csv")
    void export(@AuthenticationPrincipal PortalUser user, @ModelAttribute("filter") MessageFilterForm filter,
            HttpServletResponse response) throws IOException {
        ZoneId zone = companies.get(user.companyId()).zoneId();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"kaskad-messages.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write("id;created;status;channel;phone;email;messengerUserId;bulkId;taskId\r\n");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        Long before = null;
        int written = 0;
        while (written < EXPORT_CAP) {
            List<MessageSummary> page = queries.newest(user.companyId(), filter.toFilter(zone), before, EXPORT_PAGE);
            for (MessageSummary m : page) {
                CsvLines.write(out, m.id(), time.format(m.createdAt()), m.status().name(), m.channel() == null ? "" : m.channel().name(),
                        m.phone(), m.email(), m.messengerUserId(), m.bulkId(), m.taskId());
            }
            written += page.size();
            if (page.size() < EXPORT_PAGE) {
                break;
            }
            before = page.get(page.size() - 1).cursor();
        }
        out.flush();
    }

    /** One row, for the rows that refresh themselves while their message is in flight. */
    @GetMapping("/messages/{messageId}/row")
    String row(@AuthenticationPrincipal PortalUser user, @PathVariable String messageId, Model model) {
        model.addAttribute("m", queries.one(user.companyId(), messageId));
        model.addAttribute("zone", companies.get(user.companyId()).zoneId());
        return "messages/list :: row";
    }
}
