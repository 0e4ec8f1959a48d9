package io.kaskad.message;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The address a short link redirects to, as a browser would send it: a link in a text may hold characters a URI
 * may not ({@code |}, {@code ^}, a backtick, a backslash, braces, spaces inside a query, Cyrillic) or a stray
 * {@code %} that starts no escape. Those are percent-encoded (UTF-8), which is what a browser does with the same
 * link typed into its address bar; what is already a valid URI is kept byte for byte.
 */
public final class RedirectTarget {

    /** Characters a URI holds as they are: unreserved, reserved (RFC 3986), and {@code %} when it starts an escape. */
    private static final String KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=";
    /** Brackets belong to an IPv6 host only: kept on the first try, encoded when the URI does not parse with them. */
    private static final String BRACKETS = "[]";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RedirectTarget() {
    }

    /** The link as an absolute http(s) URI, or empty when even encoded it is none (a broken host, say). */
    public static Optional<URI> of(String url) {
        return parse(encode(url, KEPT + BRACKETS)).or(() -> parse(encode(url, KEPT)));
    }

    private static Optional<URI> parse(String encoded) {
        try {
            URI uri = new URI(encoded);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        }
        catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    private static String encode(String url, String kept) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%' && isHex(url, i + 1) && isHex(url, i + 2)) {
                out.append(c);
            }
            else if (c < 128 && kept.indexOf(c) >= 0) {
                out.append(c);
            }
            else {
                int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
                for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }
}
