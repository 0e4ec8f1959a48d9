package io.kaskad.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kaskad.common.PublicUrl;
import io.kaskad.common.Strings;

/**
 * Clicks on short links ({@code GET /s/{code}}). A click is a person's unless it comes from a link-preview
 * fetcher or a bot (known user agents, a {@code HEAD} request, or within {@link #TOO_QUICK} of the message
 * being sent: messengers and SMS apps fetch a link to show its preview as the message arrives); those are
 * recorded as such and not counted as clicks.
 */
@Service
public class LinkClicks {

    /** How long a short link leads somewhere; after that its code is unknown. */
    static final Duration KEEP = Duration.ofDays(90);
    static final Duration TOO_QUICK = Duration.ofSeconds(2);
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,16}");
    /** Link-preview fetchers and crawlers (lower case): messengers, social networks, search engines, scripts. */
    private static final List<String> BOTS = List.of("bot", "crawl", "spider", "preview", "facebookexternalhit", "whatsapp", "telegram",
            "viber", "vkshare", "skypeuripreview", "slack", "discord", "linkedin", "embedly", "curl", "wget", "python-", "java/",
            "okhttp", "go-http-client", "headless");

    private final JdbcClient jdbc;
    private final PublicUrl publicUrl;
    private final Callbacks callbacks;
    private final MessageCounts counts;
    private final Clock clock;

    LinkClicks(JdbcClient jdbc, PublicUrl publicUrl, Callbacks callbacks, MessageCounts counts, Clock clock) {
        this.counts = counts;
        this.callbacks = callbacks;
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Where {@code code} leads, the click recorded; empty for a code that is unknown or expired. */
    @Transactional
    public Optional<String> follow(String code, String userAgent, boolean head) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Target> target = jdbc.sql("""
                SELECT l.url, l.message_id, l.created_at, COALESCE(a.sent_at, a.finished_at) AS sent_at, a.channel FROM short_link l
                LEFT JOIN message_attempt a ON a.message_id = l.message_id AND a.step = l.step
                WHERE l.code = ?""")
            .param(code)
            .query((rs, row) -> new Target(rs.getString("url"), rs.getLong("message_id"), Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "sent_at"), rs.getString("channel")))
            .optional()
            .filter(found -> found.createdAt().plus(KEEP).isAfter(now));
        target.ifPresent(found -> {
            boolean preview = head || isBot(userAgent) || tooQuick(found.sentAt(), now);
            jdbc.sql("INSERT INTO link_click (code, clicked_at, user_agent, bot) VALUES (?, ?, ?, ?)")
                .params(code, Sql.ts(now), Strings.cut(userAgent, 300), preview)
                .update();
            if (!preview) {
                jdbc.sql("SELECT * FROM message WHERE id = ?")
                    .param(found.messageId())
                    .query(MessageStore::messageRow)
                    .optional()
                    .ifPresent(message -> {
                        callbacks.queueClick(message, found.url(), now);
                        if (found.channel() != null) {
                            counts.clicked(message.companyId(), message.createdAt(), found.channel());
                        }
                    });
            }
        });
        return target.map(Target::url);
    }

    /** A message's short links in text order, with their clicks (people's) and the previews fetched. */
    public record Link(int step, String url, String shortUrl, long clicks, long previews, Instant lastClickAt) {
    }

    List<Link> ofMessage(long messageId) {
        String current = publicUrl.base();
        return jdbc.sql("""
                SELECT l.step, l.position, l.url, l.code, l.base_url,
                  SUM(CASE WHEN c.bot = FALSE THEN 1 ELSE 0 END) AS clicks, SUM(CASE WHEN c.bot = TRUE THEN 1 ELSE 0 END) AS previews,
                  MAX(CASE WHEN c.bot = FALSE THEN c.clicked_at END) AS last_click_at
                FROM short_link l LEFT JOIN link_click c ON c.code = l.code
                WHERE l.message_id = ? GROUP BY l.step, l.position, l.url, l.code, l.base_url ORDER BY l.step, l.position""")
            .param(messageId)
            .query((rs, row) -> new Link(rs.getInt("step"), rs.getString("url"),
                    Objects.requireNonNullElse(rs.getString("base_url"), current) + ShortLinks.PATH + rs.getString("code"), rs.getLong("clicks"),
                    rs.getLong("previews"), Sql.instant(rs, "last_click_at")))
            .list();
    }

    private record Target(String url, long messageId, Instant createdAt, Instant sentAt, String channel) {
    }

    static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return BOTS.stream().anyMatch(agent::contains);
    }

    /** Nobody reads a message and taps its link within two seconds of it being sent, or before it was. */
    private static boolean tooQuick(Instant sentAt, Instant now) {
        return sentAt == null || now.isBefore(sentAt.plus(TOO_QUICK));
    }
}
