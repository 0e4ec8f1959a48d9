package io.kaskad.stats.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.kaskad.common.InvalidRequestException.Problem;

/**
 * What the statistics endpoints of seed 004 share: the period and paging checks, and the
 * {@code {"count", "items"}} answer with each item projected onto the requested {@code fields}.
 */
final class StatisticsAnswers {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private StatisticsAnswers() {
    }

    static void checkPeriodAndPaging(OffsetDateTime from, OffsetDateTime to, int page, int limit, List<Problem> problems) {
        if (from == null) {
            problems.add(new Problem("from", "stats.from.required"));
        }
        if (to == null) {
            problems.add(new Problem("to", "stats.to.required"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new Problem("to", "stats.period.order"));
        }
        if (page < 0) {
            problems.add(new Problem("page", "stats.page.negative"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new Problem("limit", "stats.limit.range", MAX_LIMIT));
        }
    }

    /** {@code count} and {@code items} are null when the client asked to go without them. */
    static <T> Map<String, Object> answer(Long count, List<T> items, boolean withoutCount, boolean withoutItems, List<String> projection,
            Map<String, Function<T, Object>> fields) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", withoutCount ? null : count);
        answer.put("items", withoutItems ? null : items.stream().map(item -> {
            Map<String, Object> out = new LinkedHashMap<>();
            projection.forEach(field -> out.put(field, fields.get(field).apply(item)));
            return out;
        }).toList());
        return answer;
    }
}
