package org.webcare.channel;

import java.util.Locale;

/** The platforms Webcare connects to. */
public enum ChannelType {
    /** Posts arrive over HTTP, signed with the channel's secret; replies go to its callback URL. */
    API(true),
    /** Simulated channel of the demo brand: replies are accepted at once and go nowhere. */
    DEMO(true);

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
