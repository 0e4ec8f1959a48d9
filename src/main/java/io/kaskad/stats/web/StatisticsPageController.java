package io.kaskad.stats.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kaskad.account.CompanyService;
import io.kaskad.account.PortalUser;
import io.kaskad.channel.Channel;
import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.common.CsvLines;
import io.kaskad.stats.MessagingReport;
import io.kaskad.stats.MessagingReports;
import io.kaskad.stats.Period;

/**
 * «Статистика»: a company's messages of a period by status, over time and per channel, the cascade's depth and
 * fallbacks, clicks and chat sessions, with charts drawn by {@code statistics.js} from the page's own tables and
 * a CSV of the rows. Read from the message counters: as fast at millions of messages as at ten.
 */
@Controller
class StatisticsPageController {

    private final MessagingReports reports;
    private final CompanyService companies;
    private final MessageSource messages;
    private final Clock clock;

    StatisticsPageController(MessagingReports reports, CompanyService companies, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.companies = companies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String page(@AuthenticationPrincipal PortalUser user, @ModelAttribute("filter") StatisticsForm filter, Model model) {
        Period period = period(user, filter);
        if (period == null) {
            model.addAttribute("periodError", true);
            period = period(user, new StatisticsForm(StatisticsForm.TODAY, null, null, filter.channel(), null, null));
        }
        model.addAttribute("report", report(user.companyId(), period, filter));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("maxDays", Period.MAX_DAYS);
        model.addAttribute("resultsRead", ChatSessionQueries.RESULTS_READ);
        return "statistics/index";
    }

    /**
     * Every table of the page as one CSV file, each under its heading and separated by an empty line: over time, per
     * channel, the cascade's depth, the fallbacks and the chat sessions. UTF-8 with a byte-order mark and semicolons,
     * as Excel opens it in a Russian locale.
     */
    @GetMapping("/statistics/export.csv")
    void export(@AuthenticationPrincipal PortalUser user, @ModelAttribute("filter") StatisticsForm filter, HttpServletResponse response,
            Locale locale) throws IOException {
        Period period = period(user, filter);
        if (period == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        MessagingReport report = report(user.companyId(), period, filter);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"kaskad-statistics-" + period.firstDay() + "-" + period.lastDay()
                + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        writeSeries(out, report, period, locale);
        writeChannels(out, report, locale);
        out.write("\r\n");
        CsvLines.write(out, text("stats.depth", locale));
        for (int step = 0; step < report.deliveredAtStep().size(); step++) {
            CsvLines.write(out, messages.getMessage("stats.depth.step", new Object[] { step + 1 }, locale),
                    Long.toString(report.deliveredAtStep().get(step)));
        }
        out.write("\r\n");
        MessagingReport.Fallbacks fallbacks = report.fallbacks();
        CsvLines.write(out, text("stats.fallbacks", locale));
        CsvLines.write(out, text("stats.fallback.failed", locale), Long.toString(fallbacks.failed()));
        CsvLines.write(out, text("stats.fallback.no-account", locale), Long.toString(fallbacks.noAccount()));
        CsvLines.write(out, text("stats.fallback.expired", locale), Long.toString(fallbacks.expired()));
        CsvLines.write(out, text("stats.fallback.window", locale), Long.toString(fallbacks.windowClosed()));
        CsvLines.write(out, text("stats.late", locale), Long.toString(report.lateDeliveries()));
        if (report.chats() != null) {
            writeChats(out, report.chats(), locale);
        }
        out.flush();
    }

    private void writeSeries(Writer out, MessagingReport report, Period period, Locale locale) throws IOException {
        CsvLines.write(out, text("stats.over-time", locale));
        CsvLines.write(out, text("stats.csv.start", locale), text("stats.accepted", locale), text("stats.delivered", locale),
                text("stats.undelivered", locale), text("stats.cancelled", locale), text("stats.rejected", locale),
                text("stats.in-progress", locale));
        DateTimeFormatter start = DateTimeFormatter.ofPattern(period.hourly() ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd");
        // a bulk or a task has no rows over time: its period in one row
        List<MessagingReport.Row> rows = report.series().isEmpty()
                ? List.of(new MessagingReport.Row(period.firstDay().atStartOfDay(), report.totals())) : report.series();
        for (MessagingReport.Row row : rows) {
            MessagingReport.Totals t = row.totals();
            CsvLines.write(out, start.format(row.start()), Long.toString(t.accepted()), Long.toString(t.delivered()),
                    Long.toString(t.undelivered()), Long.toString(t.cancelled()), Long.toString(t.rejected()), Long.toString(t.inProgress()));
        }
    }

    private void writeChannels(Writer out, MessagingReport report, Locale locale) throws IOException {
        out.write("\r\n");
        CsvLines.write(out, text("stats.per-channel", locale));
        CsvLines.write(out, text("messages.filter.channel", locale), text("stats.channel.messages", locale),
                text("stats.channel.handed-over", locale), text("stats.delivered", locale), text("stats.rate", locale),
                text("stats.fallback.failed", locale), text("stats.fallback.no-account", locale), text("stats.fallback.expired", locale),
                text("stats.fallback.window", locale), text("stats.late", locale), text("stats.csv.median-seconds", locale),
                text("stats.clicks", locale));
        for (MessagingReport.ChannelRow c : report.channels()) {
            CsvLines.write(out, text("channel." + c.channel().name(), locale), Long.toString(c.messages()), Long.toString(c.handedOver()),
                    Long.toString(c.delivered()), c.deliveryRate() == null ? "" : c.deliveryRate().toString(), Long.toString(c.failed()),
                    Long.toString(c.noAccount()), Long.toString(c.expired()), Long.toString(c.windowClosed()), Long.toString(c.late()),
                    c.medianDeliverySeconds() == null ? "" : (c.medianAboveLastBucket() ? ">" : "") + c.medianDeliverySeconds(),
                    Long.toString(c.clicks()));
        }
    }

    private void writeChats(Writer out, ChatSessionQueries.Figures chats, Locale locale) throws IOException {
        out.write("\r\n");
        CsvLines.write(out, text("stats.chats", locale));
        CsvLines.write(out, text("stats.chats.started", locale), Long.toString(chats.started()));
        CsvLines.write(out, text("stats.chats.finished", locale), Long.toString(chats.finished()));
        CsvLines.write(out, text("stats.chats.to-operator", locale), Long.toString(chats.toOperator()));
        if (!chats.results().isEmpty()) {
            out.write("\r\n");
            CsvLines.write(out, text("stats.chats.results", locale));
            CsvLines.write(out, text("stats.chats.variable", locale), text("stats.chats.value", locale), text("stats.chats.count", locale));
            for (var variable : chats.results().entrySet()) {
                for (var value : variable.getValue().entrySet()) {
                    CsvLines.write(out, variable.getKey(), value.getKey(), Long.toString(value.getValue()));
                }
            }
        }
    }

    /** The period chosen, in the company's zone; null for chosen days out of order or too many. */
    private Period period(PortalUser user, StatisticsForm filter) {
        ZoneId zone = companies.get(user.companyId()).zoneId();
        try {
            return filter.toPeriod(LocalDate.now(clock.withZone(zone)), zone);
        }
        catch (IllegalArgumentException wrongDays) {
            return null;
        }
    }

    private MessagingReport report(long companyId, Period period, StatisticsForm filter) {
        return filter.ofBulkOrTask() ? reports.ofBulkOrTask(companyId, period, filter.channel(), filter.bulkId(), filter.taskId())
                : reports.company(companyId, period, filter.channel());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
