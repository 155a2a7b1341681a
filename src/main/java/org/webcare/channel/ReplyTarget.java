package org.webcare.channel;

import java.time.Duration;

/** Sends agents' replies to the platform; the outbox calls it at least once per reply, one at a time per channel. */
public interface ReplyTarget {

    /** Whether a private reply (direct message, e-mail) is possible. */
    boolean supportsPrivate();

    /** Whether a public reply is possible (not for e-mail, where every reply is private). */
    default boolean supportsPublic() {
        return true;
    }

    /** The most characters one reply may have on this platform. */
    int maxLength();

    /** How long after the customer's last message a reply may still be sent, or {@code null} when there is no limit. */
    default Duration replyWindow() {
        return null;
    }

    /**
     * Sends one reply. The same {@code reply.idempotencyKey()} may come more than once after a crash: pass it on
     * where the platform takes one.
     */
    void send(OutgoingReply reply) throws ConnectorException;
}
