package org.webcare.alerting;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.webcare.channel.AddressGuard;

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

    /** Why an address is internal, or {@code null} when it is public: the classification every outbound call shares. */
    static String internal(InetAddress address) {
        return AddressGuard.internal(address);
    }
}
