package org.webcare.incidents;

import java.time.Instant;

import org.webcare.channel.Delivery;

/**
 * Where one statement of an incident stands for one of its cases.
 *
 * @param replyId the reply that carried it, once sent
 * @param delivery where that reply's delivery through the outbox stands, once sent
 * @param reason why it was refused the last time it was tried ("field: reason"), when refused
 * @param at when it was sent or refused, or {@code null} while pending
 */
public record StatementState(State state, Long replyId, Delivery delivery, String reason, Instant at) {

    static final StatementState PENDING = new StatementState(State.PENDING, null, null, null, null);

    public enum State {
        /** Not sent yet: the next send will try it. */
        PENDING,
        /** Sent: recorded as a reply and handed to the outbox; never sent again. */
        SENT,
        /** Refused when last tried; the next send tries again. */
        REFUSED
    }
}
