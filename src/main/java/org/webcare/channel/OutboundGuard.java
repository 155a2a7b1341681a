package org.webcare.channel;

import java.net.URI;

/**
 * Keeps requests to user-given addresses (feed URLs, Mastodon instances, mail servers) out of the network Webcare runs
 * in: a connector asks before every request and every redirect. The implementation resolves the host and refuses
 * loopback, private, link-local and metadata addresses unless an administrator allowed them ({@code WEBCARE_FETCH_ALLOW}).
 */
public interface OutboundGuard {

    /**
     * @throws ConnectorException.Permanent naming the host and why it may not be reached
     */
    void check(URI target) throws ConnectorException.Permanent;

    /** The same check for a host and port that are no URL (IMAP and SMTP servers). */
    default void check(String host, int port) throws ConnectorException.Permanent {
        check(URI.create("tcp://" + host + ":" + port));
    }
}
