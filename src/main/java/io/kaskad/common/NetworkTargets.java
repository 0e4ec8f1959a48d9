package io.kaskad.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts Kaskad may call when a user gives it an address (a callback URL, a provider's host):
 * not itself, not its network, not a cloud's metadata service. Checked twice: the URL as written,
 * when it is accepted (every spelling of an internal address: {@code localhost}, {@code [::1]},
 * {@code 2130706433}, {@code 0.0.0.0}, {@code ::ffff:10.0.0.1}, {@code metadata.google.internal}…),
 * and the addresses its name resolves to, right before the call (a name may point at a public address
 * when accepted and at an internal one later: DNS rebinding). The JVM caches the lookup, so the call
 * that follows connects to the address just checked.
 */
public final class NetworkTargets {

    /** Why an address was refused; each has a message {@code network.target.<code>}. */
    public enum Refusal {
        /** Not an http(s) URL with a host. */
        INVALID,
        /** A numeric host written other than as four decimal parts (a trick to pass filters). */
        OBSCURE_ADDRESS,
        /** Loopback, private, link-local, unspecified, multicast, a metadata service or a local name. */
        PRIVATE
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog", "instance-data",
            "instance-data.ec2.internal", "metadata.azure.com");
    /** Names that only mean something inside a network: RFC 6761 and the ICANN-reserved {@code .internal}. */
    private static final Set<String> LOCAL_SUFFIXES = Set.of(".localhost", ".local", ".internal", ".localdomain", ".home.arpa");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("(0x)?[0-9a-f.x]+", Pattern.CASE_INSENSITIVE);

    private NetworkTargets() {
    }

    /** The URL as written: refused, or empty when it may be called (subject to {@link #checkResolved}). */
    public static Optional<Refusal> checkUrl(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        }
        catch (IllegalArgumentException invalid) {
            return Optional.of(Refusal.INVALID);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of(Refusal.INVALID);
        }
        return checkHost(uri.getHost(), allowPrivate);
    }

    /** A host as written (a name, an IPv4 address or a bracketed IPv6 address). */
    public static Optional<Refusal> checkHost(String written, boolean allowPrivate) {
        String host = written.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.of(Refusal.INVALID);
        }
        if (host.startsWith("[") || host.contains(":")) {
            return literal(host.replace("[", "").replace("]", ""), allowPrivate);
        }
        if (NUMERIC_LOOKING.matcher(host).matches() && !host.chars().anyMatch(Character::isLetter) || host.startsWith("0x")) {
            // 2130706433, 0x7f000001, 0177.0.0.1, 127.1: each resolver reads these its own way; only the plain form is taken
            return DOTTED_QUAD.matcher(host).matches() ? literal(host, allowPrivate) : Optional.of(Refusal.OBSCURE_ADDRESS);
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (host.equals("localhost") || METADATA_NAMES.contains(host) || LOCAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
            return Optional.of(Refusal.PRIVATE);
        }
        return Optional.empty();
    }

    /**
     * Resolves the URL's host and refuses it when any of its addresses is internal; called right
     * before a request, so that what is called is what was checked.
     */
    public static Optional<Refusal> checkResolved(URI uri, boolean allowPrivate) throws UnknownHostException {
        Optional<Refusal> written = checkUrl(uri.toString(), allowPrivate);
        if (written.isPresent() || allowPrivate) {
            return written;
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost().replace("[", "").replace("]", ""))) {
            if (isInternal(address)) {
                return Optional.of(Refusal.PRIVATE);
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> literal(String address, boolean allowPrivate) {
        try {
            // a literal address: no lookup happens
            InetAddress parsed = InetAddress.getByName(address);
            return !allowPrivate && isInternal(parsed) ? Optional.of(Refusal.PRIVATE) : Optional.empty();
        }
        catch (UnknownHostException | IllegalArgumentException | SecurityException invalid) {
            return Optional.of(Refusal.INVALID);
        }
    }

    /** Loopback, private (RFC 1918, fc00::/7), carrier-grade NAT, link-local (the metadata services), unspecified, multicast. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || first == 100 && second >= 64 && second < 128 // 100.64.0.0/10, carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24, protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking networks
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7, unique local
            }
            if (v6.isIPv4CompatibleAddress() || isNat64(b)) {
                return isInternal(embeddedV4(b, 12));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isInternal(embeddedV4(b, 2)); // 2002::/16, 6to4 carries an IPv4 address
            }
        }
        return false;
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }

    private static InetAddress embeddedV4(byte[] b, int from) {
        try {
            return InetAddress.getByAddress(new byte[] { b[from], b[from + 1], b[from + 2], b[from + 3] });
        }
        catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
