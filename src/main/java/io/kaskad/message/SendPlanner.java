package io.kaskad.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.kaskad.common.Formats;
import io.kaskad.common.Strings;
import io.kaskad.channel.Channel;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.InvalidRequestException.Problem;
import io.kaskad.common.NetworkTargets;
import io.kaskad.message.SendRequest.ChannelSpec;
import io.kaskad.message.SendRequest.Destination;
import io.kaskad.message.SendRequest.MessageSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a send request into messages. A problem with the notification itself (an unknown channel, a
 * channel without text) fails the whole request with the field named; a problem with one
 * destination (a bad phone, no address for any channel, a missing variable) rejects only that
 * destination, and the others are accepted.
 */
@Component
class SendPlanner {

    private static final String DEFAULT_CHAT_PROVIDER = "TWIN";

    private final JsonMapper json;
    private final ObjectProvider<SendTemplates> templates;
    private final ObjectProvider<SendTasks> tasks;
    private final CallbackProperties callbacks;
    private final ShortLinks shortLinks;
    static final Duration MAX_SEND_AHEAD = Duration.ofDays(180);
    /** The phone column's length. */
    private static final int MAX_STORED_PHONE = 20;

    SendPlanner(JsonMapper json, ObjectProvider<SendTemplates> templates, ObjectProvider<SendTasks> tasks, CallbackProperties callbacks,
            ShortLinks shortLinks) {
        this.shortLinks = shortLinks;
        this.callbacks = callbacks;
        this.json = json;
        this.templates = templates;
        this.tasks = tasks;
    }

    List<PlannedMessage> plan(long companyId, ZoneId companyZone, SendRequest original, Instant now) {
        return plan(companyId, companyZone, original, now, UUID.randomUUID().toString(), null);
    }

    /**
     * Plans with a given bulk id: a send task's messages share one bulk over all its batches. The task
     * running them ({@code runningTaskId}) vouches for its own id: only another {@code taskId} is looked up.
     */
    List<PlannedMessage> plan(long companyId, ZoneId companyZone, SendRequest original, Instant now, String bulkId, String runningTaskId) {
        SendRequest request = withTemplates(companyId, original);
        List<Problem> problems = new ArrayList<>();
        List<List<ChannelPlan>> channelPlans = new ArrayList<>();
        for (int i = 0; i < request.messages().size(); i++) {
            channelPlans.add(checkChannels("messages[" + i + "]", request.messages().get(i), problems));
            checkTimeRanges("messages[" + i + "]", request.messages().get(i), problems);
            checkCallbackUrl("messages[" + i + "]", request.messages().get(i), problems);
            checkSendAt("messages[" + i + "]", request.messages().get(i), now, problems);
            checkTask(companyId, "messages[" + i + "]", request.messages().get(i), runningTaskId, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<PlannedMessage> planned = new ArrayList<>();
        for (int i = 0; i < request.messages().size(); i++) {
            MessageSpec spec = request.messages().get(i);
            String flowId = UUID.randomUUID().toString();
            String groupId = spec.groupId() != null && !spec.groupId().isBlank() ? spec.groupId() : UUID.randomUUID().toString();
            TimeWindows windows = windows(spec);
            Instant dueAt = spec.sendAt() == null || spec.sendAt().toInstant().isBefore(now) ? now : spec.sendAt().toInstant();
            for (int d = 0; d < spec.destinations().size(); d++) {
                String field = "messages[" + i + "].destinations[" + d + "]";
                planned.add(planDestination(companyId, companyZone, spec, channelPlans.get(i), withNormalizedPhone(spec.destinations().get(d)),
                        field, new Ids(bulkId, flowId, groupId), windows, dueAt));
            }
        }
        return planned;
    }

    private record Ids(String bulkId, String flowId, String groupId) {
    }

    /** A channel of the request, checked, with its parameters as stored. */
    private record ChannelPlan(Channel channel, ChannelSpec spec, String parametersJson) {
    }

    private List<ChannelPlan> checkChannels(String path, MessageSpec spec, List<Problem> problems) {
        List<ChannelPlan> plans = new ArrayList<>();
        if (spec.channels() == null || spec.channels().isEmpty()) {
            problems.add(new Problem(path + ".channels", "message.channels.required"));
            return plans;
        }
        int before = problems.size();
        NotificationRules.checkChannels(path, spec.channels(), problems);
        if (problems.size() > before) {
            return plans;
        }
        for (Map.Entry<String, ChannelSpec> entry : spec.channels().entrySet()) {
            Channel channel = Channel.fromApiName(entry.getKey());
            ChannelSpec channelSpec = entry.getValue() == null ? NotificationRules.EMPTY : entry.getValue();
            plans.add(new ChannelPlan(channel, channelSpec, parameters(channel, channelSpec)));
        }
        return plans;
    }

    /**
     * Applies templates: a {@code templateId} brings the notification template's channels and defaults
     * (a channel given in the request overrides the template's fields it sets); a whatsapp, vk or ok
     * channel with a {@code templateName} gets the approved template's text, exactly as approved.
     */
    private SendRequest withTemplates(long companyId, SendRequest request) {
        boolean usesTemplates = request.messages().stream().anyMatch(m -> m.templateId() != null
                || (m.channels() != null && m.channels().values().stream().anyMatch(c -> c != null && c.templateName() != null)));
        if (!usesTemplates) {
            return request;
        }
        SendTemplates catalog = templates.getIfAvailable();
        if (catalog == null) {
            throw new IllegalStateException("no template module");
        }
        List<MessageSpec> messages = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < request.messages().size(); i++) {
            messages.add(TemplatedMessage.apply(companyId, "messages[" + i + "]", request.messages().get(i), catalog, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new SendRequest(messages);
    }

    /** A {@code taskId} attaches the messages to one of the company's send tasks, so it must name one. */
    private void checkTask(long companyId, String path, MessageSpec spec, String runningTaskId, List<Problem> problems) {
        if (spec.taskId() == null || spec.taskId().isBlank() || spec.taskId().equals(runningTaskId)) {
            return;
        }
        SendTasks known = tasks.getIfAvailable();
        if (known != null && !known.exists(companyId, spec.taskId())) {
            problems.add(new Problem(path + ".taskId", "message.task.unknown", spec.taskId()));
        }
    }

    /** From the past day (a clock a little behind) up to 180 days ahead, the window Infobip takes. */
    private static void checkSendAt(String path, MessageSpec spec, Instant now, List<Problem> problems) {
        if (spec.sendAt() == null) {
            return;
        }
        Instant at = spec.sendAt().toInstant();
        if (at.isBefore(now.minus(Duration.ofDays(1))) || at.isAfter(now.plus(MAX_SEND_AHEAD))) {
            problems.add(new Problem(path + ".sendAt", "message.send-at.range", MAX_SEND_AHEAD.toDays()));
        }
    }

    private static void checkTimeRanges(String path, MessageSpec spec, List<Problem> problems) {
        NotificationRules.checkTimeRanges(path, spec.allowedTimeRanges(), problems);
    }

    /** An http(s) URL that does not lead into Kaskad's own network (checked again, resolved, when it is called). */
    private void checkCallbackUrl(String path, MessageSpec spec, List<Problem> problems) {
        if (spec.callbackUrl() == null || spec.callbackUrl().isBlank()) {
            return;
        }
        NetworkTargets.checkUrl(spec.callbackUrl(), callbacks.allowPrivateNetworks())
            .ifPresent(refusal -> problems.add(new Problem(path + ".callbackUrl", switch (refusal) {
                case INVALID -> "message.callback-url.invalid";
                case OBSCURE_ADDRESS -> "message.callback-url.obscure";
                case PRIVATE -> "message.callback-url.private";
            }, spec.callbackUrl())));
    }

    /** The destination with its phone as stored: decoration removed; a phone too long to be one is kept cut, rejected. */
    private static Destination withNormalizedPhone(Destination destination) {
        String phone = Addresses.normalizePhone(destination.phone());
        if (phone != null && phone.length() > MAX_STORED_PHONE) {
            phone = phone.substring(0, MAX_STORED_PHONE);
        }
        return Objects.equals(phone, destination.phone()) ? destination
                : new Destination(phone, destination.email(), destination.messengerUserId(), destination.deviceId(), destination.variables(),
                        destination.timezone());
    }

    private static TimeWindows windows(MessageSpec spec) {
        if (spec.allowedTimeRanges() == null || spec.allowedTimeRanges().isEmpty()) {
            return TimeWindows.ALWAYS;
        }
        return new TimeWindows(spec.allowedTimeRanges().stream().map(range -> TimeWindows.window(range.from(), range.to())).toList());
    }

    private PlannedMessage planDestination(long companyId, ZoneId companyZone, MessageSpec spec, List<ChannelPlan> channels,
            Destination destination, String field, Ids ids, TimeWindows windows, Instant dueAt) {
        PlannedMessage.Builder message = PlannedMessage.builder(companyId, ids.bulkId(), ids.flowId(), ids.groupId(), spec,
                destination, windows, channels.get(0).channel());
        String phone = Strings.blankToNull(destination.phone());
        if (phone != null && !Formats.PHONE.matcher(phone).matches()) {
            return message.rejected("INVALID_PHONE", field + ".phone", "message.destination.phone.invalid", phone);
        }
        String email = Strings.blankToNull(destination.email());
        if (email != null && !Formats.EMAIL.matcher(email).matches()) {
            return message.rejected("INVALID_EMAIL", field + ".email", "message.destination.email.invalid", email);
        }
        ZoneId zone = companyZone;
        if (destination.timezone() != null && !destination.timezone().isBlank()) {
            if (!ZoneId.getAvailableZoneIds().contains(destination.timezone())) {
                return message.rejected("INVALID_TIMEZONE", field + ".timezone", "message.destination.timezone.invalid",
                        destination.timezone());
            }
            zone = ZoneId.of(destination.timezone());
        }
        List<ChannelPlan> reachable = channels.stream()
            .filter(plan -> Addresses.forChannel(plan.channel(), destination) != null)
            .toList();
        if (reachable.isEmpty()) {
            return message.rejected("NO_ADDRESS", field, "message.destination.no-address",
                    String.join(", ", channels.stream().map(plan -> plan.channel().apiName()).toList()));
        }
        for (ChannelPlan plan : reachable) {
            Set<String> missing = Texts.missing(plan.spec().text(), destination.variables());
            if (!missing.isEmpty()) {
                return message.rejected("MISSING_VARIABLE", field + ".variables", "message.destination.variable.missing",
                        String.join(", ", missing), plan.channel().apiName());
            }
        }
        List<AttemptStatus> statuses = Cascade.initialStatuses(reachable.stream().map(plan -> plan.spec().isRequired()).toList());
        List<PlannedMessage.Attempt> attempts = new ArrayList<>();
        boolean shortLinks = Boolean.TRUE.equals(spec.useShortLinks());
        for (int step = 0; step < reachable.size(); step++) {
            ChannelPlan plan = reachable.get(step);
            String text = Texts.fill(plan.spec().text(), destination.variables());
            ShortLinks.Shortened shortened = shortLinks && ShortLinks.applies(plan.channel()) ? this.shortLinks.shorten(text)
                    : new ShortLinks.Shortened(text, List.of());
            attempts.add(new PlannedMessage.Attempt(step, plan.channel(), plan.spec().isRequired(), statuses.get(step),
                    Addresses.forChannel(plan.channel(), destination), shortened.text(), plan.parametersJson(), shortened.links()));
        }
        return message.accepted(zone, dueAt, attempts);
    }

    /** The channel's parameters other than text and required, as JSON; chat's provider defaults to TWIN. */
    private String parameters(Channel channel, ChannelSpec spec) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIfPresent(parameters, "from", spec.from());
        putIfPresent(parameters, "templateName", spec.templateName());
        putIfPresent(parameters, "templateData", spec.templateData());
        putIfPresent(parameters, "attachments", spec.attachments());
        putIfPresent(parameters, "chatId", spec.chatId());
        putIfPresent(parameters, "botId", spec.botId());
        putIfPresent(parameters, "messengerType", spec.messengerType());
        putIfPresent(parameters, "chatSessionName", spec.chatSessionName());
        putIfPresent(parameters, "chatSessionId", spec.chatSessionId());
        putIfPresent(parameters, "subject", spec.subject());
        putIfPresent(parameters, "title", spec.title());
        putIfPresent(parameters, "html", spec.html());
        if (channel == Channel.CHAT) {
            parameters.put("provider", spec.provider() == null || spec.provider().isBlank() ? DEFAULT_CHAT_PROVIDER : spec.provider());
            parameters.put("continueLastOrStartNewSession", Boolean.TRUE.equals(spec.continueLastOrStartNewSession()));
        }
        else {
            putIfPresent(parameters, "provider", spec.provider());
        }
        return parameters.isEmpty() ? null : json.writeValueAsString(parameters);
    }

    private static void putIfPresent(Map<String, Object> parameters, String key, Object value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }

}
