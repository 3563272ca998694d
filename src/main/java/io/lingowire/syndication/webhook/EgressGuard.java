package io.lingowire.syndication.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps webhook traffic off internal networks (SSRF): only http and https; an address literal only in the one
 * spelling every resolver reads alike; and every address the host resolves to must be globally reachable per the
 * IANA special-purpose registries (IPv4 and IPv6, with NAT64, 6to4, mapped and compatible forms judged by the IPv4
 * address they carry) — unless {@code lingowire.webhooks.allowed-hosts} names the host or a range holding it.
 * Asked when an endpoint is created and again before every attempt, as DNS answers can change in between.
 */
@ApplicationScoped
public class EgressGuard {

    /** Why a URL may not be called; the message says what was wrong and is safe to show. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The IANA IPv4 and IPv6 special-purpose address registries' blocks that are not globally reachable, beside what
     * {@link InetAddress}'s own predicates cover (loopback, private, link-local, multicast, unspecified): "this
     * network", shared address space (CGNAT), IETF protocol assignments, the documentation ranges, 6to4 relay anycast,
     * AS112, benchmarking, reserved and broadcast; discard-only, IETF protocol assignments (Teredo among them),
     * documentation, SRv6 SIDs, unique-local and local-use NAT64.
     */
    private static final List<Cidr> NOT_GLOBAL = Cidr.all("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24",
            "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.175.48.0/24",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32",
            "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "64:ff9b:1::/48");
    /** IPv6 forms that carry an IPv4 address, and where: NAT64 (the last 4 bytes) and 6to4 (bytes 2 to 5). */
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    /** A host whose last label is a number: an IPv4 address in some spelling (DNS names never end in one). */
    private static final java.util.regex.Pattern NUMERIC_HOST = java.util.regex.Pattern.compile(
            "^[0-9a-fx.]*\\.?(?:0x[0-9a-f]*|[0-9]+)\\.?$");
    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile(
            "^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");

    private final Set<String> allowedNames;
    private final List<Cidr> allowedRanges;

    EgressGuard(WebhookConfig config) {
        List<String> allowed = config.allowedHosts().orElse(List.of()).stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        this.allowedNames = allowed.stream().filter(s -> !s.contains("/")).collect(Collectors.toSet());
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : allowed) {
            if (entry.contains("/")) {
                ranges.add(Cidr.parse(entry));
            } else if (Cidr.isLiteral(entry)) {
                ranges.add(Cidr.parse(entry + (entry.contains(":") ? "/128" : "/32")));
            }
        }
        this.allowedRanges = List.copyOf(ranges);
    }

    /** Parses and checks a URL; throws {@link Refused} saying why it may not be called. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("A webhook URL must be http or https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("The webhook URL has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.contains("%")) {
            throw new Refused("The webhook URL's host has a zone or an escape (" + host + ")");
        }
        if (!host.contains(":") && NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            // 0177.0.0.1, 0x7f.1, 2130706433, 127.1: Java reads some of these one way, inet_aton, curl and proxies
            // another; only the one spelling everyone reads alike is accepted
            throw new Refused("The address " + host + " is not written as four decimal numbers (a.b.c.d without "
                    + "leading zeros); other spellings are read differently by different resolvers");
        }
        if (allowedNames.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("The host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String internal = internal(address);
            if (internal != null && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                throw new Refused("The host " + host + " resolves to " + address.getHostAddress() + ", " + internal
                        + "; webhooks go to public addresses only (lingowire.webhooks.allowed-hosts lists exceptions)");
            }
        }
        return uri;
    }

    /** What kind of internal address this is, or null for a public one. */
    static String internal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            // an IPv6 form that carries an IPv4 address reaches that address: it is judged by it
            int from = v6.isIPv4CompatibleAddress() || NAT64.contains(v6) ? 12 : SIX_TO_FOUR.contains(v6) ? 2 : -1;
            if (from >= 0) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(v6.getAddress(), from, from + 4)));
                } catch (UnknownHostException e) {
                    return "an unusable address";
                }
            }
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata lives there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (NOT_GLOBAL.stream().anyMatch(r -> r.contains(address))) {
            return "a special-purpose address that is not globally reachable (IANA registry)";
        }
        return null;
    }

    /** An address range, IPv4 or IPv6. */
    record Cidr(byte[] network, int prefix) {

        static List<Cidr> all(String... ranges) {
            return Arrays.stream(ranges).map(Cidr::parse).toList();
        }

        static boolean isLiteral(String s) {
            return s.contains(":") || s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String ip = text.substring(0, slash);
            if (!isLiteral(ip)) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR range");
            }
            try {
                byte[] network = InetAddress.getByName(ip).getAddress();
                int prefix = Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix out of range");
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR range", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
