package org.webcare.channel;

import java.util.Locale;

/** The platforms Webcare connects to. */
public enum ChannelType {
    /** Posts arrive over HTTP, signed with the channel's secret; replies go to its callback URL. */
    API(true),
    /** Simulated channel of the demo brand: replies are accepted at once and go nowhere. */
    DEMO(true),
    /** A blog's, news site's, forum's or Google Alerts' RSS or Atom feed: a listening source, no replies. */
    RSS(false),
    /** A support mailbox: IMAP for what arrives, SMTP for replies (always private). */
    EMAIL(true),
    /** A brand account on a Mastodon instance: mentions and direct messages, public and direct replies. */
    MASTODON(true),
    /**
     * A brand account on X (formerly Twitter). There is no live connector yet: channels of this type hold imported
     * history ({@code webcare import twcs}); a reply sent on one has no way to be delivered and fails visibly.
     */
    X(true),
    /** A scripted platform for tests and demonstrations. */
    FAKE(true);

    private final boolean supportsPrivate;

    ChannelType(boolean supportsPrivate) {
        this.supportsPrivate = supportsPrivate;
    }

    public boolean supportsPrivate() {
        return supportsPrivate;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
