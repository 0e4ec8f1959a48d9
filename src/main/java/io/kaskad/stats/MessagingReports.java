package io.kaskad.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.kaskad.channel.Channel;
import io.kaskad.chat.ChatSessionQueries;
import io.kaskad.message.AttemptStatus;
import io.kaskad.message.MessageCounts;
import io.kaskad.message.MessageFilter;
import io.kaskad.message.MessageQueries;
import io.kaskad.message.MessageStatus;

/**
 * Builds the {@link MessagingReport} of a period from the message counters ({@link MessageCounts}): a few thousand
 * counter rows whatever the number of messages. Counters are kept per hour (UTC) of a message's acceptance, so a
 * day of a zone not a whole number of hours off UTC counts from the hour its first half-hour falls in.
 */
@Service
public class MessagingReports {

    private final MessageCounts counts;
    private final MessageQueries messages;
    private final ChatSessionQueries sessions;
    private final Clock clock;

    MessagingReports(MessageCounts counts, MessageQueries messages, ChatSessionQueries sessions, Clock clock) {
        this.counts = counts;
        this.messages = messages;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A company's messages of the period, on one channel or (null) all. */
    public MessagingReport company(long companyId, Period period, Channel channel) {
        return build(counts.overPeriod(companyId, fromHour(period), period.to(), seriesChannel(channel)), period, channel,
                sessions.figures(companyId, period.from(), period.to()), clock.instant());
    }

    /**
     * The messages of one bulk or task accepted in the period, from the table ({@link MessageQueries#countsOf}): no
     * series over time, no chat sessions.
     */
    public MessagingReport ofBulkOrTask(long companyId, Period period, Channel channel, String bulkId, String taskId) {
        return build(messages.countsOf(companyId, new MessageFilter(period.from(), period.to(), null, channel, bulkId, taskId, null)),
                period, channel, null, null);
    }

    /** Every company's messages of the period together. */
    public MessagingReport platform(Period period) {
        return build(counts.overPeriod(null, fromHour(period), period.to(), MessageCounts.ALL_CHANNELS), period, null, null, clock.instant());
    }

    private static String seriesChannel(Channel channel) {
        return channel == null ? MessageCounts.ALL_CHANNELS : channel.name();
    }

    private static Instant fromHour(Period period) {
        return period.from().truncatedTo(ChronoUnit.HOURS);
    }

    /** {@code seriesUntil}: the rows over time end with the hour or day of this instant (null: no rows over time). */
    private static MessagingReport build(List<MessageCounts.Count> found, Period period, Channel only, ChatSessionQueries.Figures chats,
            Instant seriesUntil) {
        boolean overTime = seriesUntil != null;
        String messagesChannel = only == null ? MessageCounts.ALL_CHANNELS : only.name();
        Map<LocalDateTime, Map<MessageStatus, Long>> byBucket = new LinkedHashMap<>();
        // the hours (or days) that have not come yet have no row: a chart would draw them as zeros
        Instant end = overTime && seriesUntil.isBefore(period.to()) ? seriesUntil.plusNanos(1) : period.to();
        LocalDateTime last = bucket(end.minusNanos(1), period);
        for (LocalDateTime bucket = bucket(period.from(), period); !bucket.isAfter(last);
                bucket = period.hourly() ? bucket.plusHours(1) : bucket.plusDays(1)) {
            byBucket.put(bucket, new EnumMap<>(MessageStatus.class));
        }
        Map<MessageStatus, Long> total = new EnumMap<>(MessageStatus.class);
        Map<Channel, Map<String, Long>> perChannel = new EnumMap<>(Channel.class);
        for (MessageCounts.Count count : found) {
            if (count.hour() != null) {
                // an hour that began before the period (a zone a half-hour off UTC) counts in its first row
                Instant hour = count.hour().isBefore(period.from()) ? period.from() : count.hour();
                byBucket.computeIfAbsent(bucket(hour, period), b -> new EnumMap<>(MessageStatus.class))
                    .merge(MessageCounts.messageStatusOf(count.measure()), count.amount(), Long::sum);
                continue;
            }
            MessageStatus status = MessageCounts.messageStatusOf(count.measure());
            if (count.channel().equals(messagesChannel) && status != null) {
                total.merge(status, count.amount(), Long::sum);
            }
            if (!count.channel().isEmpty() && (only == null || only.name().equals(count.channel()))) {
                perChannel.computeIfAbsent(Channel.valueOf(count.channel()), c -> new LinkedHashMap<>())
                    .merge(count.measure(), count.amount(), Long::sum);
            }
        }
        List<MessagingReport.Row> series = new ArrayList<>();
        if (overTime) {
            byBucket.forEach((start, statuses) -> series.add(new MessagingReport.Row(start, totals(statuses))));
        }
        List<MessagingReport.ChannelRow> channels = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        long failed = 0;
        long noAccount = 0;
        long expired = 0;
        long window = 0;
        long late = 0;
        long clicks = 0;
        for (Map.Entry<Channel, Map<String, Long>> entry : perChannel.entrySet()) {
            Map<String, Long> measures = entry.getValue();
            MessagingReport.ChannelRow row = channelRow(entry.getKey(), measures);
            if (row.messages() == 0 && row.handedOver() == 0 && row.clicks() == 0) {
                continue;
            }
            channels.add(row);
            failed += row.failed();
            noAccount += row.noAccount();
            expired += row.expired();
            window += row.windowClosed();
            late += row.late();
            clicks += row.clicks();
            measures.forEach((measure, amount) -> {
                int position = MessageCounts.deliveredPositionOf(measure);
                if (position > 0) {
                    while (steps.size() < position) {
                        steps.add(0L);
                    }
                    steps.set(position - 1, steps.get(position - 1) + amount);
                }
            });
        }
        while (!steps.isEmpty() && steps.get(steps.size() - 1) == 0) {
            steps.remove(steps.size() - 1);
        }
        return new MessagingReport(period, totals(total), series, channels, steps,
                new MessagingReport.Fallbacks(failed, noAccount, expired, window), late, clicks, chats);
    }

    private static LocalDateTime bucket(Instant at, Period period) {
        LocalDateTime local = LocalDateTime.ofInstant(at, period.zone());
        return period.hourly() ? local.truncatedTo(ChronoUnit.HOURS) : local.toLocalDate().atStartOfDay();
    }

    private static MessagingReport.Totals totals(Map<MessageStatus, Long> statuses) {
        long accepted = statuses.values().stream().mapToLong(Long::longValue).sum();
        long delivered = statuses.getOrDefault(MessageStatus.DELIVERED, 0L);
        long undelivered = statuses.getOrDefault(MessageStatus.UNDELIVERED, 0L);
        long cancelled = statuses.getOrDefault(MessageStatus.CANCELLED, 0L);
        long rejected = statuses.getOrDefault(MessageStatus.REJECTED, 0L);
        return new MessagingReport.Totals(accepted, delivered, undelivered, cancelled, rejected,
                accepted - delivered - undelivered - cancelled - rejected);
    }

    private static MessagingReport.ChannelRow channelRow(Channel channel, Map<String, Long> measures) {
        long messages = 0;
        for (MessageStatus status : MessageStatus.values()) {
            messages += measures.getOrDefault(MessageCounts.messages(status), 0L);
        }
        long delivered = attempts(measures, AttemptStatus.DELIVERED) + attempts(measures, AttemptStatus.READ);
        long window = measures.getOrDefault(MessageCounts.WINDOW_CLOSED, 0L);
        long failed = fallbacks(measures, AttemptStatus.FAILED) - window;
        long noAccount = fallbacks(measures, AttemptStatus.NO_ACCOUNT);
        long expired = fallbacks(measures, AttemptStatus.EXPIRED);
        // with a provider now or done: a late delivery is counted once, as delivered
        long handedOver = delivered + attempts(measures, AttemptStatus.SENT) + attempts(measures, AttemptStatus.FAILED) - window
                + attempts(measures, AttemptStatus.NO_ACCOUNT) + attempts(measures, AttemptStatus.EXPIRED);
        // the median: the first bucket whose running total reaches half of the deliveries timed
        long timed = 0;
        for (Map.Entry<String, Long> measure : measures.entrySet()) {
            timed += MessageCounts.isDeliveryTime(measure.getKey()) ? measure.getValue() : 0;
        }
        Long median = null;
        boolean above = false;
        long running = 0;
        for (Long bound : MessageCounts.DELIVERY_TIME_BUCKETS) {
            running += measures.getOrDefault(MessageCounts.deliveryTimeWithin(bound), 0L);
            if (timed > 0 && median == null && running * 2 >= timed) {
                median = bound;
            }
        }
        if (timed > 0 && median == null) {
            median = MessageCounts.DELIVERY_TIME_BUCKETS.get(MessageCounts.DELIVERY_TIME_BUCKETS.size() - 1);
            above = true;
        }
        return new MessagingReport.ChannelRow(channel, messages, handedOver, delivered, failed, noAccount, expired, window,
                measures.getOrDefault(MessageCounts.LATE_DELIVERY, 0L), median, above, measures.getOrDefault(MessageCounts.CLICK, 0L));
    }

    private static long fallbacks(Map<String, Long> measures, AttemptStatus status) {
        return measures.getOrDefault(MessageCounts.fallback(status), 0L);
    }

    private static long attempts(Map<String, Long> measures, AttemptStatus status) {
        return measures.getOrDefault(MessageCounts.attempts(status), 0L);
    }
}
