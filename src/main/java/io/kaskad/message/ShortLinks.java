package io.kaskad.message;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.kaskad.channel.Channel;
import io.kaskad.common.PublicUrl;

/**
 * Seed 000's {@code useShortLinks}: every http(s) link of an SMS or Viber text (the channels whose
 * providers shorten links) becomes {@code {kaskad.public-url}/s/{code}}, a code per link per message, so
 * that a click is known per recipient. Codes are 8 random base-62 characters (about 2^47): unguessable,
 * and short enough that the link costs little of an SMS.
 */
@Component
public class ShortLinks {

    static final String PATH = "/s/";
    static final int CODE_LENGTH = 8;
    /** Longer links are left as they are: the column's size, and no SMS carries one anyway. */
    static final int MAX_URL = 2048;
    private static final Set<Channel> CHANNELS = Set.of(Channel.SMS, Channel.VIBER);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than the link ("… на https://shop.example/a."). */
    private static final String TRAILING = ".,;:!?)»”’";
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final PublicUrl publicUrl;
    private final SecureRandom random = new SecureRandom();

    ShortLinks(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * A link of a text and the code that stands for it; {@code position} is its order in the text, {@code base} the
     * address the short link was written with (stored, so that the message page shows the link the customer got; null
     * when too long to keep, and the page shows the current address).
     */
    record Link(String code, int position, String url, String base) {
    }

    /** A text with its links shortened, and the links. */
    record Shortened(String text, List<Link> links) {
    }

    static boolean applies(Channel channel) {
        return CHANNELS.contains(channel);
    }

    /** Replaces each http(s) link of {@code text} by a new short link. */
    Shortened shorten(String text) {
        if (text == null || text.isEmpty()) {
            return new Shortened(text, List.of());
        }
        String base = publicUrl.base() + PATH;
        // stored with the link, when short enough for its column (a request's Host header is the caller's to choose)
        String remembered = publicUrl.toRemember();
        List<Link> links = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher matcher = LINK.matcher(text);
        int from = 0;
        while (matcher.find()) {
            String url = withoutTrailingPunctuation(matcher.group());
            out.append(text, from, matcher.start());
            if (!shortenable(url)) {
                out.append(url);
            }
            else {
                String code = newCode();
                links.add(new Link(code, links.size(), url, remembered));
                out.append(base).append(code);
            }
            from = matcher.start() + url.length();
        }
        out.append(text, from, text.length());
        return new Shortened(out.toString(), links);
    }

    /** The text as its recipient will get it, for counting its length: each link as long as a short link. */
    public String asSent(String text) {
        if (text == null) {
            return null;
        }
        String sample = publicUrl.base() + PATH + "x".repeat(CODE_LENGTH);
        return LINK.matcher(text).replaceAll(match -> {
            String url = withoutTrailingPunctuation(match.group());
            return Matcher.quoteReplacement((shortenable(url) ? sample : url) + match.group().substring(url.length()));
        });
    }

    /** Too long a link is left as it is, and so is one that no redirect can lead to (a broken host): its click would fail. */
    private static boolean shortenable(String url) {
        return url.length() <= MAX_URL && RedirectTarget.of(url).isPresent();
    }

    String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    private static String withoutTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
