package org.webcare.channel;

/**
 * A connected account of a brand on one platform. Its secret is never part of this view.
 *
 * @param allowsPrivate whether agents may answer privately on this channel
 */
public record Channel(long id, long brandId, String brandName, ChannelType type, String name, String callbackUrl,
                      boolean allowsPrivate) {

    public String label() {
        return brandName + " · " + name;
    }
}
