package io.kaskad.stats.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.chat.SessionSummary;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/statistics/chat/sessions} as seed 004 step 3 uses it. {@code fields} picks the
 * item's fields; a name that is not a field is taken for a dialog-result variable (the seed asks for
 * {@code nps}), which brings {@code dialogResultsFromBotJson}. Without {@code fields}, all fields.
 */
@Tag(name = "Статистика", description = "Статистика сообщений и чат-сессий за период")
@RestController
class ChatStatisticsController {

    static final String RESULTS = "dialogResultsFromBotJson";
    static final Map<String, Function<SessionSummary, Object>> FIELDS = fields();

    private final ChatSessionQueries queries;

    ChatStatisticsController(ChatSessionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/statistics/chat/sessions")
    Map<String, Object> sessions(@AuthenticationPrincipal ApiClient client,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + StatisticsAnswers.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String chatId, @RequestParam(required = false) String fields,
            @RequestParam(defaultValue = "false") boolean withoutCount, @RequestParam(defaultValue = "false") boolean withoutItems) {
        List<Problem> problems = new ArrayList<>();
        StatisticsAnswers.checkPeriodAndPaging(from, to, page, limit, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<String> projection = projection(fields);
        ChatSessionQueries.Counted found = queries.search(client.companyId(), from.toInstant(), to.toInstant(), chatId, page, limit,
                !withoutCount, !withoutItems);
        return StatisticsAnswers.answer(found.count(), found.items(), withoutCount, withoutItems, projection, FIELDS);
    }

    private static List<String> projection(String fields) {
        if (fields == null || fields.isBlank()) {
            return List.copyOf(FIELDS.keySet());
        }
        List<String> projection = new ArrayList<>();
        boolean results = false;
        for (String field : fields.split(",")) {
            String name = field.strip();
            if (FIELDS.containsKey(name) && !RESULTS.equals(name)) {
                if (!projection.contains(name)) {
                    projection.add(name);
                }
            }
            else if (!name.isEmpty()) {
                results = true;
            }
        }
        if (results) {
            projection.add(RESULTS);
        }
        return projection;
    }


    private static Map<String, Function<SessionSummary, Object>> fields() {
        Map<String, Function<SessionSummary, Object>> fields = new LinkedHashMap<>();
        fields.put("id", SessionSummary::id);
        fields.put("name", SessionSummary::name);
        fields.put("chatId", SessionSummary::chatId);
        fields.put("clientId", SessionSummary::clientId);
        fields.put("clientExternalId", SessionSummary::clientExternalId);
        fields.put("messengerType", SessionSummary::messengerType);
        fields.put("messengerUserId", SessionSummary::messengerUserId);
        fields.put("status", item -> item.status().name());
        fields.put("messageId", SessionSummary::messageId);
        fields.put("startedAt", SessionSummary::startedAt);
        fields.put("endedAt", SessionSummary::endedAt);
        fields.put("feedbackScore", SessionSummary::feedbackScore);
        fields.put(RESULTS, SessionSummary::dialogResultsFromBotJson);
        return fields;
    }
}
