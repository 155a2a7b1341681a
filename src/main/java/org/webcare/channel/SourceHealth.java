package org.webcare.channel;

import java.time.Instant;

/**
 * How a polling channel is doing, for the admin's health view.
 *
 * @param lastError the message of the last failure, or {@code null} when the last poll succeeded
 * @param failures failures in a row (0 when the last poll succeeded); the wait before the next try grows with it
 * @param postsToday posts stored from it today (in the server's time zone)
 * @param nextPollAt when it is polled next; {@code null} for channels whose platform pushes (webhooks)
 */
public record SourceHealth(long channelId, String brandName, String channelName, ChannelType type, boolean paused,
                           Instant lastSuccessAt, Instant lastErrorAt, String lastError, int failures, int postsToday,
                           int postsSkipped, Instant nextPollAt) {

    public boolean failing() {
        return failures > 0;
    }
}
