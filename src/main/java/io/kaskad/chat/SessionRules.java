package io.kaskad.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import io.kaskad.common.Formats;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.message.Addresses;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a session's start and a client's message must satisfy, with one problem per field at fault.
 * Anonymous callers (the widget) reach these: every column's length is a rule here, never a database error.
 */
final class SessionRules {

    static final int BODY_MAX = 4096;
    static final int NAME_MAX = 200;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_ATTACHMENT_ID = 200;
    static final int MAX_METADATA_ENTRIES = 50;
    static final int MAX_METADATA_CHARS = 8_192;
    /** UTC offsets in minutes, from UTC−12 to UTC+14. */
    static final int MIN_TIMEZONE = -720;
    static final int MAX_TIMEZONE = 840;

    private SessionRules() {
    }

    /**
     * The problems of a start request.
     *
     * @param scenarioExists whether one of the company's scenarios has this id (a {@code botId} must name one)
     */
    static List<Problem> startProblems(StartSessionRequest request, Predicate<String> scenarioExists, JsonMapper json) {
        List<Problem> problems = new ArrayList<>();
        if (request.sessionTtl() != null && (request.sessionTtl() < 1 || request.sessionTtl() > ChatSettings.MAX_SESSION_LIFETIME)) {
            problems.add(new Problem("sessionTtl", "chat.session-ttl.range", ChatSettings.MAX_SESSION_LIFETIME));
        }
        if (present(request.messengerType()) && !isMessengerType(request.messengerType())) {
            problems.add(new Problem("messengerType", "chat.messenger-type.unknown", request.messengerType(),
                    Arrays.toString(MessengerType.values())));
        }
        if (present(request.botId()) && !scenarioExists.test(request.botId().strip())) {
            problems.add(new Problem("botId", "chat.scenario.unknown", request.botId()));
        }
        if (present(request.clientId()) && !isUuid(request.clientId().strip())) {
            problems.add(new Problem("clientId", "chat.client-id.format"));
        }
        if (present(request.clientEmail()) && !Formats.EMAIL.matcher(request.clientEmail().strip()).matches()) {
            problems.add(new Problem("clientEmail", "message.destination.email.invalid", request.clientEmail()));
        }
        // the one phone rule of the API, the portal and task files: decoration removed, then 10–18 digits
        if (present(request.clientPhone()) && !Formats.PHONE.matcher(Addresses.normalizePhone(request.clientPhone().strip())).matches()) {
            problems.add(new Problem("clientPhone", "message.destination.phone.invalid", request.clientPhone()));
        }
        if (request.clientTimezone() != null && (request.clientTimezone() < MIN_TIMEZONE || request.clientTimezone() > MAX_TIMEZONE)) {
            problems.add(new Problem("clientTimezone", "chat.client-timezone.range"));
        }
        length("name", request.name(), NAME_MAX, problems);
        length("messageBody", request.messageBody(), BODY_MAX, problems);
        length("clientNameForOperator", request.clientNameForOperator(), 200, problems);
        length("clientExternalId", request.clientExternalId(), 128, problems);
        length("clientDeviceId", request.clientDeviceId(), 256, problems);
        length("messengerUserId", request.messengerUserId(), 128, problems);
        length("clientPhone", request.clientPhone(), 32, problems);
        length("clientEmail", request.clientEmail(), 254, problems);
        attachments("messageAttachments", request.messageAttachments(), problems);
        if (request.clientMetadata() != null && (request.clientMetadata().size() > MAX_METADATA_ENTRIES
                || json.writeValueAsString(request.clientMetadata()).length() > MAX_METADATA_CHARS)) {
            problems.add(new Problem("clientMetadata", "chat.metadata.too-large", MAX_METADATA_ENTRIES, MAX_METADATA_CHARS));
        }
        return problems;
    }

    /** The problems of a client's message in a session. */
    static List<Problem> clientMessageProblems(ClientMessageRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (!present(request.body())) {
            problems.add(new Problem("body", "chat.message.body.required"));
        }
        else {
            length("body", request.body(), BODY_MAX, problems);
        }
        attachments("attachments", request.attachments(), problems);
        length("replyToMessageId", request.replyToMessageId(), 64, problems);
        return problems;
    }

    /** An operator's answer: some text, at most {@link #BODY_MAX} characters. */
    static boolean isOperatorText(String text) {
        return present(text) && text.length() <= BODY_MAX;
    }

    /** The messenger a request names, as stored; a web session when it names none. */
    static String messengerType(StartSessionRequest request) {
        return present(request.messengerType()) ? request.messengerType().strip().toUpperCase(Locale.ROOT) : MessengerType.WEB.name();
    }

    private static boolean isMessengerType(String value) {
        try {
            MessengerType.valueOf(value.strip().toUpperCase(Locale.ROOT));
            return true;
        }
        catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        }
        catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void length(String field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "template.too-long", max));
        }
    }

    /** At most {@link #MAX_ATTACHMENTS} attachment ids, each at most {@link #MAX_ATTACHMENT_ID} characters. */
    private static void attachments(String field, List<String> attachments, List<Problem> problems) {
        if (attachments == null) {
            return;
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(new Problem(field, "chat.attachments.max", MAX_ATTACHMENTS));
        }
        else if (attachments.stream().anyMatch(id -> id == null || id.length() > MAX_ATTACHMENT_ID)) {
            problems.add(new Problem(field, "chat.attachment.id", MAX_ATTACHMENT_ID));
        }
    }
}
