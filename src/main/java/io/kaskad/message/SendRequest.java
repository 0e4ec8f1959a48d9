package io.kaskad.message;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/messages}, exactly as seeds 000 and 004 describe it. Client systems
 * written against those documents send it unchanged. {@code channels} is an ordered object: the
 * order of its keys is the order of the cascade.
 */
public record SendRequest(@NotEmpty @Valid List<@NotNull @Valid MessageSpec> messages) {

    public static final int MAX_DESTINATIONS = 10_000;
    public static final int DEFAULT_VALIDITY_MINUTES = 1440;
    public static final int MAX_VALIDITY_MINUTES = 10_080;
    /** Allowed time ranges a message may list (their JSON must fit the column). */
    public static final int MAX_TIME_RANGES = 12;

    public int destinationCount() {
        return messages.stream().mapToInt(message -> message.destinations() == null ? 0 : message.destinations().size()).sum();
    }

    /** One notification (its channels and options) for one or more destinations. */
    public record MessageSpec(
            LinkedHashMap<String, @Valid ChannelSpec> channels,
            @NotEmpty List<@NotNull @Valid Destination> destinations,
            @Size(max = 64) String templateId,
            @Size(max = 64) String groupId,
            @Size(max = 64) String taskId,
            Boolean useShortLinks,
            @Size(max = MAX_TIME_RANGES) List<@NotNull TimeRange> allowedTimeRanges,
            OffsetDateTime sendAt,
            @Min(1) @Max(MAX_VALIDITY_MINUTES) Integer validityPeriod,
            @Size(max = 2000) String callbackUrl,
            @Size(max = 2000) String callbackData,
            @Size(max = 2000) String imageUrl,
            @Size(max = 2000) String buttonUrl,
            @Size(max = 200) String buttonText) {

        /** A notification over {@code channels} (null: the template's) to {@code destinations}, with no other option set. */
        public static MessageSpec of(LinkedHashMap<String, ChannelSpec> channels, List<Destination> destinations) {
            return new MessageSpec(channels, destinations, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public MessageSpec withTemplateId(String templateId) {
            return new MessageSpec(channels, destinations, templateId, groupId, taskId, useShortLinks, allowedTimeRanges, sendAt,
                    validityPeriod, callbackUrl, callbackData, imageUrl, buttonUrl, buttonText);
        }

        /** Attached to one of the company's send tasks (its messages are counted and cancelled with it). */
        public MessageSpec withTaskId(String taskId) {
            return new MessageSpec(channels, destinations, templateId, groupId, taskId, useShortLinks, allowedTimeRanges, sendAt,
                    validityPeriod, callbackUrl, callbackData, imageUrl, buttonUrl, buttonText);
        }

        public MessageSpec withShortLinks(Boolean useShortLinks) {
            return new MessageSpec(channels, destinations, templateId, groupId, taskId, useShortLinks, allowedTimeRanges, sendAt,
                    validityPeriod, callbackUrl, callbackData, imageUrl, buttonUrl, buttonText);
        }

        /** Sent at {@code sendAt} (null: now), valid for {@code validityPeriod} minutes (null: the default). */
        public MessageSpec withSchedule(OffsetDateTime sendAt, Integer validityPeriod) {
            return new MessageSpec(channels, destinations, templateId, groupId, taskId, useShortLinks, allowedTimeRanges, sendAt,
                    validityPeriod, callbackUrl, callbackData, imageUrl, buttonUrl, buttonText);
        }
    }

    /**
     * The parameters of one channel. Which apply depends on the channel: vk takes {@code from},
     * {@code templateName}, {@code templateData}, {@code attachments}; chat takes {@code chatId},
     * {@code botId}, {@code messengerType}, {@code chatSessionName}, {@code provider},
     * {@code continueLastOrStartNewSession} and {@code chatSessionId} (send into that session, as an
     * advertising task does); every channel takes {@code text} and {@code required}.
     */
    public record ChannelSpec(
            @Size(max = 10_000) String text,
            Boolean required,
            @Size(max = 100) String from,
            @Size(max = 200) String templateName,
            @Size(max = 50) Map<String, Object> templateData,
            List<@Size(max = 2000) String> attachments,
            @Size(max = 64) String chatId,
            @Size(max = 64) String botId,
            @Size(max = 32) String messengerType,
            @Size(max = 200) String chatSessionName,
            @Size(max = 32) String provider,
            Boolean continueLastOrStartNewSession,
            @Size(max = 500) String subject,
            @Size(max = 200) String title,
            @Size(max = 64) String chatSessionId,
            @Size(max = 100_000) String html) {

        /** Kaskad's own chat provider, the only one the chat channel has ("TWIN" in the seeds). */
        public static final String CHAT_PROVIDER = "TWIN";

        /** An e-mail: its text, and its subject and HTML part when given (without a subject the text's first line is used). */
        public static ChannelSpec email(String text, Boolean required, String subject, String html) {
            return new ChannelSpec(text, required, null, null, null, null, null, null, null, null, null, null, subject, null, null, html);
        }

        /** A channel with a text and nothing else. */
        public static ChannelSpec text(String text, Boolean required) {
            return new ChannelSpec(text, required, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** WhatsApp with a free text or, when {@code templateName} is set, that approved template filled with {@code templateData}. */
        public static ChannelSpec whatsApp(String text, String templateName, Map<String, Object> templateData) {
            return new ChannelSpec(text, null, null, templateName, templateData, null, null, null, null, null, null, null, null, null, null,
                    null);
        }

        /**
         * A chat session in chat {@code chatId} over {@code messengerType}, started with {@code text}:
         * the client's open session continued when {@code continueLast}, a new one otherwise.
         */
        public static ChannelSpec chat(String text, String chatId, String botId, String messengerType, String chatSessionName,
                boolean continueLast) {
            return new ChannelSpec(text, null, null, null, null, null, chatId, botId, messengerType, chatSessionName, CHAT_PROVIDER,
                    continueLast, null, null, null, null);
        }

        /** {@code text} said into the existing session {@code chatSessionId}, or into a new session of its chat unless {@code continueCurrent}. */
        public static ChannelSpec chatInSession(String text, String chatSessionId, boolean continueCurrent) {
            return new ChannelSpec(text, null, null, null, null, null, null, null, null, null, CHAT_PROVIDER, continueCurrent, null, null,
                    chatSessionId, null);
        }

        /** The same channel, sent whatever becomes of the channels before it. */
        public ChannelSpec asRequired() {
            return new ChannelSpec(text, true, from, templateName, templateData, attachments, chatId, botId, messengerType, chatSessionName,
                    provider, continueLastOrStartNewSession, subject, title, chatSessionId, html);
        }

        /** The same channel with another text (a template's, filled). */
        public ChannelSpec withText(String text) {
            return new ChannelSpec(text, required, from, templateName, templateData, attachments, chatId, botId, messengerType,
                    chatSessionName, provider, continueLastOrStartNewSession, subject, title, chatSessionId, html);
        }

        boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    /** One recipient. {@code variables} fill the {@code {name}} placeholders of the texts. */
    public record Destination(
            @Size(max = 32) String phone,
            @Size(max = 254) String email,
            @Size(max = 128) String messengerUserId,
            @Size(max = 512) String deviceId,
            @Size(max = 100) Map<String, Object> variables,
            @Size(max = 64) String timezone) {

        public static Destination phone(String phone) {
            return new Destination(phone, null, null, null, null, null);
        }

        public static Destination email(String email) {
            return new Destination(null, email, null, null, null, null);
        }

        /** A messenger's user, or for the chat channel a client or chat session id. */
        public static Destination messengerUser(String messengerUserId) {
            return new Destination(null, null, messengerUserId, null, null, null);
        }

        public Destination withVariables(Map<String, Object> variables) {
            return new Destination(phone, email, messengerUserId, deviceId, variables, timezone);
        }
    }

    /** An allowed sending window, {@code {"from":"09:00:00","to":"21:00:00"}} or {@code "09:00:00-21:00:00"}. */
    public record TimeRange(@NotNull String from, @NotNull String to) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static TimeRange parse(String range) {
            int dash = range.indexOf('-');
            if (dash < 0) {
                return new TimeRange(range, "");
            }
            return new TimeRange(range.substring(0, dash), range.substring(dash + 1));
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public TimeRange {
        }
    }
}
