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
 * Keeps webhook traffic off internal networks (SSRF): only http and https, and every address the host resolves to
 * must be public — not loopback, private, link-local (cloud metadata included), CGNAT, unique-local, multicast or
 * unspecified — unless {@code lingowire.webhooks.allowed-hosts} names the host or a range holding the address.
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

    /** Ranges that {@link InetAddress}'s own predicates do not cover. */
    private static final List<Cidr> INTERNAL = Cidr.all("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24",
            "198.18.0.0/15", "240.0.0.0/4", "fc00::/7", "64:ff9b::/96");

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
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
            try {
                return internal(InetAddress.getByAddress(Arrays.copyOfRange(v6.getAddress(), 12, 16)));
            } catch (UnknownHostException e) {
                return "an unusable address";
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
        if (INTERNAL.stream().anyMatch(r -> r.contains(address))) {
            return "a reserved or internal address";
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
