package org.webcare.channel;

import java.time.Duration;
import java.util.List;

/** Fetches a channel's new posts when the runtime asks; called by one thread at a time per channel. */
public interface PostSource {

    /**
     * Fetches what is new after {@code cursor}. The runtime stores every post returned and only then keeps the new
     * cursor, so a crash in between fetches the same posts again (they are stored once).
     *
     * @param cursor what the previous poll returned, or {@code null} on the first poll
     * @throws ConnectorException.Transient when trying again later may work (time-outs, 5xx, 429)
     * @throws ConnectorException.Permanent when it will fail the same way until someone changes the settings (401)
     */
    Poll poll(String cursor) throws ConnectorException;

    /** How long to wait between polls when nothing is pending. */
    default Duration interval() {
        return Duration.ofMinutes(5);
    }

    /**
     * One poll's result.
     *
     * @param cursor the position after these posts, opaque to the runtime; {@code null} keeps the previous one
     * @param more whether more is waiting right now (the runtime polls again at once)
     */
    record Poll(List<ReceivedPost> posts, String cursor, boolean more) {

        public Poll {
            posts = List.copyOf(posts);
        }
    }
}
