package org.webcare.alerting;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Keeps webhooks, which users type in, from reaching into the network Webcare runs in (server-side request forgery):
 * only http and https, and no host that resolves to a loopback, private, link-local, unique-local, shared,
 * multicast or cloud-metadata address, unless an administrator allowed that host by name. Checked when a rule is
 * saved and again before every call, because DNS answers change; redirects are never followed.
 */
@Component
class WebhookAddresses {

    private final AlertSettings settings;

    WebhookAddresses(AlertSettings settings) {
        this.settings = settings;
    }

    /**
     * @return the URL, normalised
     * @throws IllegalArgumentException {@code "webhookUrl: reason"} when it may not be called
     */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhookUrl: is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhookUrl: must be an http or https URL, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhookUrl: must name a host (and no user name), got '" + url + "'");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (settings.webhookAllowedHosts().contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("webhookUrl: the host '" + host + "' cannot be resolved");
        }
        for (InetAddress address : addresses) {
            String why = internal(address);
            if (why != null) {
                throw new IllegalArgumentException("webhookUrl: '" + host + "' resolves to " + address.getHostAddress()
                        + ", " + why + "; only public addresses can receive alerts (an administrator can allow the host in"
                        + " webcare.alerts.webhook-allowed-hosts)");
            }
        }
        return uri;
    }

    /** Why an address is internal, or {@code null} when it is public. */
    static String internal(InetAddress address) {
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

}
