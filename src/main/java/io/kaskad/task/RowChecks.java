package io.kaskad.task;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.kaskad.common.Formats;
import io.kaskad.channel.Channel;
import io.kaskad.chat.MessengerType;
import io.kaskad.message.Addresses;
import io.kaskad.message.SendRequest;
import io.kaskad.message.Texts;
import io.kaskad.task.ColumnLayout.ParsedRow;
import io.kaskad.task.CompanyLookups.TemplateCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the rows of a task file, a chunk at a time (so that lookups such as "do these chat sessions
 * exist" are one query per chunk): every problem of a row is reported, not only the first, and a row
 * with none becomes a {@link CheckedRow} holding exactly what its message will need.
 */
final class RowChecks {

    static final int MAX_TEXT = 10_000;

    /** A valid row: what shows as its destination, what makes it a duplicate, and what its message needs. */
    record CheckedRow(int number, String destination, String duplicateKey, TaskRow row) {
    }

    private final TaskType type;
    private final CompanyLookups lookups;
    private final JsonMapper json;
    private final Set<Channel> channels = EnumSet.noneOf(Channel.class);

    RowChecks(TaskType type, CompanyLookups lookups, JsonMapper json) {
        this.type = type;
        this.lookups = lookups;
        this.json = json;
        channels.addAll(type.channels());
    }

    /** The channels the valid rows so far go over. */
    Set<Channel> channels() {
        return channels;
    }

    void check(List<ParsedRow> chunk, List<CheckedRow> valid, List<RowProblem> problems) {
        Set<String> sessions = type == TaskType.ADVERTISING ? existingSessions(chunk) : Set.of();
        for (ParsedRow row : chunk) {
            Row checking = new Row(row, problems);
            CheckedRow checked = switch (type) {
                case SMS -> sms(checking);
                case ADVERTISING -> advertising(checking, sessions);
                case CHAT_SESSION_START -> chatSessionStart(checking);
                case WHATSAPP_CHAT_SESSION -> whatsAppChatSession(checking);
                case NOTIFICATION -> notification(checking);
            };
            if (checking.problems == 0) {
                valid.add(checked);
            }
        }
    }

    private Set<String> existingSessions(List<ParsedRow> chunk) {
        Set<String> ids = new HashSet<>();
        chunk.forEach(row -> {
            String id = row.value("chatSessionId");
            if (id != null && id.length() <= 64) {
                ids.add(id);
            }
        });
        return lookups.existingSessions(ids);
    }

    private CheckedRow sms(Row row) {
        String phone = row.phone("phone", true);
        String text = row.text("text", true);
        Boolean shortLinks = row.bool("useShortLinks");
        return new CheckedRow(row.number(), phone, phone, new TaskRow.Sms(phone, text, shortLinks));
    }

    private CheckedRow advertising(Row row, Set<String> existingSessions) {
        String session = row.required("chatSessionId");
        if (session != null && !existingSessions.contains(session)) {
            row.problem("chatSessionId", ProblemCode.UNKNOWN_CHAT_SESSION, session);
        }
        String text = row.text("text", true);
        Boolean shortLinks = row.bool("useShortLinks");
        Boolean startNew = row.bool("continueLastOrStartNewSession");
        String provider = row.optional("provider");
        if (provider != null && !provider.equalsIgnoreCase(SendRequest.ChannelSpec.CHAT_PROVIDER)) {
            row.problem("provider", ProblemCode.UNKNOWN_PROVIDER, provider);
        }
        String channel = row.optional("channel");
        if (channel != null && !channel.equalsIgnoreCase(Channel.CHAT.apiName())) {
            row.problem("channel", ProblemCode.UNKNOWN_CHANNEL, channel);
        }
        return new CheckedRow(row.number(), session, session, new TaskRow.Advertising(session, text, shortLinks, startNew));
    }

    private CheckedRow chatSessionStart(Row row) {
        String chatId = row.chat("chatId");
        String clientId = row.required("clientId");
        String text = row.text("text", false);
        String messenger = row.optional("messengerType");
        if (messenger != null) {
            try {
                messenger = MessengerType.valueOf(messenger.toUpperCase(Locale.ROOT)).name();
            }
            catch (IllegalArgumentException unknown) {
                row.problem("messengerType", ProblemCode.UNKNOWN_MESSENGER, messenger);
            }
        }
        Map<String, Object> variables = row.variables();
        return new CheckedRow(row.number(), clientId, chatId + "\u0000" + clientId, new TaskRow.ChatSessionStart(chatId, clientId, text,
                messenger == null ? MessengerType.API.name() : messenger, row.optional("chatSessionName"), row.optional("botId"), variables));
    }

    private CheckedRow whatsAppChatSession(Row row) {
        String phone = row.phone("phone", true);
        String chatId = row.chat("chatId");
        String text = row.text("text", false);
        String template = row.optional("templateName");
        Map<String, Object> variables = row.variables();
        if (text == null && template == null) {
            row.problem("text", ProblemCode.REQUIRED, null);
        }
        if (template != null && variables != null) {
            TemplateCheck check = lookups.whatsAppTemplate(template, variables);
            if (check.problem() != null) {
                row.problem(check.problem() == ProblemCode.MISSING_VARIABLE ? "variables" : "templateName", check.problem(),
                        check.problem() == ProblemCode.UNKNOWN_TEMPLATE ? template : check.state());
            }
        }
        return new CheckedRow(row.number(), phone, chatId + "\u0000" + phone,
                new TaskRow.WhatsAppChatSession(phone, chatId, text, template, variables));
    }

    private CheckedRow notification(Row row) {
        String templateId = row.required("templateId");
        String phone = row.phone("phone", false);
        String email = row.optional("email");
        if (email != null && !Formats.EMAIL.matcher(email).matches()) {
            row.problem("email", ProblemCode.BAD_EMAIL, email);
        }
        String messengerUserId = row.optional("messengerUserId");
        String deviceId = row.optional("deviceId");
        Map<String, Object> variables = row.variables();
        if (variables != null) {
            variables.putAll(row.parsed.extraVariables());
        }
        if (templateId != null) {
            TemplateCheck check = lookups.notificationTemplate(templateId);
            if (check.problem() != null) {
                row.problem("templateId", check.problem(), check.problem() == ProblemCode.UNKNOWN_TEMPLATE ? templateId : check.state());
            }
            else if (variables != null) {
                checkTemplateUse(row, check, new SendRequest.Destination(phone, email, messengerUserId, deviceId, variables, null));
            }
        }
        String destination = firstNonNull(phone, email, messengerUserId, deviceId);
        return new CheckedRow(row.number(), destination == null ? "" : destination,
                String.join("\u0000", templateId == null ? "" : templateId, String.valueOf(phone), String.valueOf(email),
                        String.valueOf(messengerUserId), String.valueOf(deviceId)),
                new TaskRow.Notification(templateId, phone, email, messengerUserId, deviceId, variables));
    }

    /** The row must reach at least one of the template's channels, and fill the placeholders of their texts. */
    private void checkTemplateUse(Row row, TemplateCheck template, SendRequest.Destination destination) {
        List<Channel> reachable = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        template.defaults().channels().forEach((name, spec) -> {
            Channel channel = Channel.fromApiName(name);
            if (Addresses.forChannel(channel, destination) != null) {
                reachable.add(channel);
                missing.addAll(Texts.missing(spec == null ? null : spec.text(), destination.variables()));
            }
        });
        if (reachable.isEmpty()) {
            row.problem(null, ProblemCode.NO_ADDRESS, String.join(", ", template.defaults().channels().keySet()));
        }
        else if (!missing.isEmpty()) {
            row.problem("variables", ProblemCode.MISSING_VARIABLE, String.join(", ", missing));
        }
        else {
            channels.addAll(reachable);
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** One row being checked: reads its values and collects its problems. */
    private final class Row {

        private final ParsedRow parsed;
        private final List<RowProblem> sink;
        private int problems;

        Row(ParsedRow parsed, List<RowProblem> sink) {
            this.parsed = parsed;
            this.sink = sink;
        }

        int number() {
            return parsed.number();
        }

        void problem(String column, ProblemCode code, String value) {
            sink.add(new RowProblem(parsed.number(), column, code, value));
            problems++;
        }

        String optional(String key) {
            return parsed.value(key);
        }

        String required(String key) {
            String value = parsed.value(key);
            if (value == null) {
                problem(key, ProblemCode.REQUIRED, null);
            }
            return value;
        }

        String text(String key, boolean required) {
            String value = required ? required(key) : optional(key);
            if (value != null && value.length() > MAX_TEXT) {
                problem(key, ProblemCode.TOO_LONG, String.valueOf(value.length()));
            }
            return value;
        }

        String phone(String key, boolean required) {
            String value = required ? required(key) : optional(key);
            if (value == null) {
                return null;
            }
            String phone = Addresses.normalizeWrittenPhone(value);
            if (!Formats.PHONE.matcher(phone).matches()) {
                problem(key, ProblemCode.BAD_PHONE, value);
            }
            return phone;
        }

        Boolean bool(String key) {
            String value = parsed.value(key);
            if (value == null) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "да" -> true;
                case "false", "0", "нет" -> false;
                default -> {
                    problem(key, ProblemCode.BAD_BOOLEAN, value);
                    yield null;
                }
            };
        }

        String chat(String key) {
            String chatId = required(key);
            if (chatId != null && (chatId.length() > 64 || !lookups.chatExists(chatId))) {
                problem(key, ProblemCode.UNKNOWN_CHAT, chatId);
            }
            return chatId;
        }

        /** The JSON object of the variables column (empty when blank); null when it is not a JSON object. */
        Map<String, Object> variables() {
            String value = parsed.value("variables");
            if (value == null) {
                return new LinkedHashMap<>();
            }
            try {
                Object parsedValue = json.readValue(value, Object.class);
                if (parsedValue instanceof Map<?, ?> map) {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    map.forEach((name, v) -> variables.put(String.valueOf(name), v));
                    return variables;
                }
            }
            catch (JacksonException notJson) {
                // reported below
            }
            problem("variables", ProblemCode.BAD_VARIABLES, value);
            return null;
        }
    }
}
