package io.kaskad.stats;

import java.time.LocalDateTime;
import java.util.List;

import io.kaskad.channel.Channel;
import io.kaskad.chat.ChatSessionQueries;

/**
 * What the Статистика page and the dashboard show for a period: messages by status, over time and per channel,
 * how deep the cascade went, why it fell back, and the chat sessions.
 *
 * @param series          one row per hour or day of the period (in the company's time zone), oldest first
 * @param deliveredAtStep messages delivered by the 1st, 2nd, 3rd… channel of their cascade (index 0: the first)
 * @param chats           null for the platform's report
 */
public record MessagingReport(Period period, Totals totals, List<Row> series, List<ChannelRow> channels, List<Long> deliveredAtStep,
        Fallbacks fallbacks, long lateDeliveries, long clicks, ChatSessionQueries.Figures chats) {

    /** Messages accepted in the period, by their status now. */
    public record Totals(long accepted, long delivered, long undelivered, long cancelled, long rejected, long inProgress) {

        /** Delivered among those that ended with a provider's answer (delivered or undelivered), in per cent; null with none. */
        public Double deliveryRate() {
            return Rates.percent(delivered, delivered + undelivered);
        }
    }

    /** One hour or day of the period. */
    public record Row(LocalDateTime start, Totals totals) {
    }

    /**
     * One channel: the messages that had it in their cascade, its attempts handed to a provider, delivered, and
     * failed by reason; the median time from the provider taking an attempt to its delivery, as the upper bound of
     * its bucket in seconds (null: none delivered); people's clicks on short links sent on it.
     */
    public record ChannelRow(Channel channel, long messages, long handedOver, long delivered, long failed, long noAccount, long expired,
            long windowClosed, long late, Long medianDeliverySeconds, boolean medianAboveLastBucket, long clicks) {

        public Double deliveryRate() {
            return Rates.percent(delivered, handedOver);
        }
    }

    /** Why attempts ended without reaching the recipient, so the cascade moved on. */
    public record Fallbacks(long failed, long noAccount, long expired, long windowClosed) {

        public long total() {
            return failed + noAccount + expired + windowClosed;
        }
    }

    static final class Rates {

        private Rates() {
        }

        static Double percent(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
        }
    }
}
