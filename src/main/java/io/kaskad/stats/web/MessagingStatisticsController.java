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
import io.kaskad.channel.Channel;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.message.MessageFilter;
import io.kaskad.message.MessageQueries;
import io.kaskad.message.MessageStatus;
import io.kaskad.message.MessageSummary;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/statistics/messaging/messages} as seed 004 step 2 uses it: {@code from}, {@code to},
 * paging ({@code page}, also accepted as {@code pages} as the seed writes it, and {@code limit}),
 * filters, and the {@code fields} projection; answers {@code {"count": …, "items": […]}}.
 */
@Tag(name = "Статистика", description = "Статистика сообщений и чат-сессий за период")
@RestController
class MessagingStatisticsController {

    /** The fields an item can show, in the order they are written. */
    static final Map<String, Function<MessageSummary, Object>> FIELDS = fields();

    private final MessageQueries queries;

    MessagingStatisticsController(MessageQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/statistics/messaging/messages")
    Map<String, Object> messages(@AuthenticationPrincipal ApiClient client,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pages,
            @RequestParam(defaultValue = "" + StatisticsAnswers.DEFAULT_LIMIT) int limit, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String status, @RequestParam(required = false) String bulkId,
            @RequestParam(required = false) String taskId, @RequestParam(required = false) String fields,
            @RequestParam(defaultValue = "false") boolean withoutCount, @RequestParam(defaultValue = "false") boolean withoutItems) {
        List<Problem> problems = new ArrayList<>();
        int pageNumber = page != null ? page : pages != null ? pages : 0;
        StatisticsAnswers.checkPeriodAndPaging(from, to, pageNumber, limit, problems);
        Channel channelFilter = parse(channel, "channel", name -> Channel.valueOf(name.toUpperCase()), problems);
        MessageStatus statusFilter = parse(status, "status", name -> MessageStatus.valueOf(name.toUpperCase()), problems);
        List<String> projection = projection(fields, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        MessageQueries.Counted found = queries.search(client.companyId(), new MessageFilter(from.toInstant(), to.toInstant(),
                statusFilter, channelFilter, bulkId, taskId, null), pageNumber, limit, !withoutCount, !withoutItems);
        return StatisticsAnswers.answer(found.count(), found.items(), withoutCount, withoutItems, projection, FIELDS);
    }

    private static <T> T parse(String value, String field, Function<String, T> parser, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (IllegalArgumentException unknown) {
            problems.add(new Problem(field, "stats." + field + ".unknown", value));
            return null;
        }
    }

    private static List<String> projection(String fields, List<Problem> problems) {
        if (fields == null || fields.isBlank()) {
            return List.copyOf(FIELDS.keySet());
        }
        List<String> projection = new ArrayList<>();
        for (String field : fields.split(",")) {
            String name = field.strip();
            if (!FIELDS.containsKey(name)) {
                problems.add(new Problem("fields", "stats.fields.unknown", name, String.join(", ", FIELDS.keySet())));
            }
            else if (!projection.contains(name)) {
                projection.add(name);
            }
        }
        return projection;
    }


    private static Map<String, Function<MessageSummary, Object>> fields() {
        Map<String, Function<MessageSummary, Object>> fields = new LinkedHashMap<>();
        fields.put("id", MessageSummary::id);
        fields.put("providerMessageId", MessageSummary::providerMessageId);
        fields.put("status", item -> item.status().name());
        fields.put("channel", item -> item.channel() == null ? null : item.channel().name());
        fields.put("bulkId", MessageSummary::bulkId);
        fields.put("groupId", MessageSummary::groupId);
        fields.put("flowId", MessageSummary::flowId);
        fields.put("taskId", MessageSummary::taskId);
        fields.put("phone", MessageSummary::phone);
        fields.put("email", MessageSummary::email);
        fields.put("messengerUserId", MessageSummary::messengerUserId);
        fields.put("deviceId", MessageSummary::deviceId);
        fields.put("sendAt", MessageSummary::sendAt);
        fields.put("createdAt", MessageSummary::createdAt);
        fields.put("updatedAt", MessageSummary::updatedAt);
        fields.put("error", MessageSummary::errorCode);
        fields.put("clicks", MessageSummary::clicks);
        return fields;
    }
}
