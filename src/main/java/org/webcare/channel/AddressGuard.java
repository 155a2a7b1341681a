package org.webcare.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@link OutboundGuard} of every connector: resolves the host and refuses loopback, private, link-local,
 * unique-local, shared, multicast, reserved and cloud-metadata addresses (IPv4, IPv6 and IPv4 inside IPv6), unless the
 * administrator allowed the host by name or its address by range in {@code webcare.fetch.allow}
 * ({@code WEBCARE_FETCH_ALLOW}). Immutable and thread-safe.
 */
@Component
public final class AddressGuard implements OutboundGuard {

    private static final Pattern HOST_NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> allowedHosts;
    private final List<Range> allowedRanges;

    /**
     * @param allow comma-separated host names and CIDR ranges ({@code feeds.intranet.example, 10.1.0.0/16, fd00::/8});
     *              a bare address is a range of one
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public AddressGuard(@Value("${webcare.fetch.allow:}") String allow) {
        Set<String> hosts = new LinkedHashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : (allow == null ? "" : allow).split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/") || entry.contains(":") || IPV4_LITERAL.matcher(entry).matches()) {
                ranges.add(Range.parse(entry));
            } else if (HOST_NAME.matcher(entry).matches()) {
                hosts.add(entry.endsWith(".") ? entry.substring(0, entry.length() - 1) : entry);
            } else {
                throw new IllegalArgumentException("webcare.fetch.allow (WEBCARE_FETCH_ALLOW): '" + raw.strip()
                        + "' is neither a host name nor an address range such as 10.1.0.0/16 or fd00::/8");
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedRanges = List.copyOf(ranges);
    }

    /** A guard that allows nothing internal. */
    public static AddressGuard strict() {
        return new AddressGuard("");
    }

    @Override
    public void check(URI target) throws ConnectorException.Permanent {
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new ConnectorException.Permanent("'" + target + "' names no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ConnectorException.Permanent("the host '" + host + "' cannot be resolved", e);
        }
        for (InetAddress address : addresses) {
            String why = internal(address);
            if (why != null && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                throw new ConnectorException.Permanent("'" + host + "' resolves to " + address.getHostAddress() + ", " + why
                        + "; Webcare only fetches from public addresses unless an administrator allows the host or its"
                        + " range in WEBCARE_FETCH_ALLOW");
            }
        }
    }

    /** Why an address is internal (loopback, private, metadata, ...), or {@code null} when it is public. */
    public static String internal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    return internal(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return "an address that cannot be read";
                }
            }
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                return "a loopback address";
            }
            if (address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
                return "a link-local address";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                // fc00::/7, which also holds AWS's metadata address fd00:ec2::254.
                return "a unique-local (private) address";
            }
            if (address.isMulticastAddress()) {
                return "a multicast address";
            }
            return null;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isLoopbackAddress() || first == 0) {
            return "a loopback or unspecified address";
        }
        if (first == 169 && second == 254) {
            return "a link-local address (where clouds serve instance metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            // Shared address space (carrier-grade NAT); Alibaba Cloud's metadata service is 100.100.100.200.
            return "a shared (carrier-grade NAT) address";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "an IETF protocol address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking address";
        }
        if (address.isMulticastAddress() || first >= 240) {
            return "a multicast or reserved address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean tenZeros = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        if (tenZeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (tenZeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xff) <= 1)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(b, 4, 12, new byte[8], 0, 8)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    /** An address range in CIDR notation; an IPv4 range also holds the IPv4 addresses embedded in IPv6 ones. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String literal = slash < 0 ? entry : entry.substring(0, slash);
            if (literal.startsWith("[") && literal.endsWith("]")) {
                literal = literal.substring(1, literal.length() - 1);
            }
            boolean v4 = IPV4_LITERAL.matcher(literal).matches();
            if (v4 && java.util.Arrays.stream(literal.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)
                    || !v4 && !(literal.contains(":") && literal.matches("[0-9a-f:.]+"))) {
                throw invalid(entry, "'" + literal + "' is not an IP address");
            }
            byte[] network;
            try {
                // A literal only (checked above), so this never asks DNS.
                network = InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw invalid(entry, "'" + literal + "' is not an IP address");
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(entry, "the prefix length is not a number");
                }
                if (prefix < 0 || prefix > bits) {
                    throw invalid(entry, "the prefix length must be between 0 and " + bits);
                }
            }
            return new Range(network, prefix);
        }

        private static IllegalArgumentException invalid(String entry, String why) {
            return new IllegalArgumentException("webcare.fetch.allow (WEBCARE_FETCH_ALLOW): '" + entry
                    + "' is not a valid address range: " + why);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (network.length == 4 && address instanceof Inet6Address) {
                candidate = embeddedIpv4(candidate);
            } else if (network.length == 16 && address instanceof Inet4Address) {
                candidate = null;
            }
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            if (!Arrays.equals(candidate, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Range range && prefix == range.prefix && Arrays.equals(network, range.network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }

        @Override
        public String toString() {
            return Arrays.toString(network) + "/" + prefix;
        }
    }
}
