package io.kaskad.stats.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

import io.kaskad.channel.Channel;
import io.kaskad.stats.Period;

/**
 * The choices of «Статистика»: a period (today, 7d, 30d or custom days, inclusive, in the company's zone), a channel,
 * and a bulk or a task (opened from the task's page: then the period is the longest, unless one is chosen).
 */
record StatisticsForm(String period, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Channel channel, String bulkId, String taskId) {

    static final String TODAY = "today";
    static final String WEEK = "7d";
    static final String MONTH = "30d";
    static final String CUSTOM = "custom";

    /** The period chosen; none, or an unknown name, is today (what a user checks first). Throws IllegalArgumentException for custom days out of order or too many. */
    Period toPeriod(LocalDate today, ZoneId zone) {
        if (period == null && (bulkId() != null || taskId() != null)) {
            return Period.days(CUSTOM, today.minusDays(Period.MAX_DAYS - 1), today, zone);
        }
        String key = period == null ? TODAY : period;
        return switch (key) {
            case WEEK -> Period.days(WEEK, today.minusDays(6), today, zone);
            case MONTH -> Period.days(MONTH, today.minusDays(29), today, zone);
            case CUSTOM -> Period.days(CUSTOM, from == null ? today.minusDays(6) : from, to == null ? today : to, zone);
            default -> Period.days(TODAY, today, today, zone);
        };
    }

    @Override
    public String bulkId() {
        return bulkId == null || bulkId.isBlank() ? null : bulkId.strip();
    }

    @Override
    public String taskId() {
        return taskId == null || taskId.isBlank() ? null : taskId.strip();
    }

    boolean ofBulkOrTask() {
        return bulkId() != null || taskId() != null;
    }
}
