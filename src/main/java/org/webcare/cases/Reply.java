package org.webcare.cases;

import java.time.Instant;

import org.webcare.channel.Delivery;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.Visibility;

/**
 * An agent's answer to a post, with where it stands: waiting for a team lead's approval, returned to its author, or
 * queued for delivery ({@code delivery} then says how far it got; it is {@code null} until the reply is queued).
 *
 * @param authorUserId the agent who wrote it, or {@code null} for replies from history
 * @param approval how its approval went, or {@code null} when it needed none
 */
public record Reply(long id, long postId, String authorName, String text, Visibility visibility, Instant createdAt,
                    Delivery delivery, Long authorUserId, ReplyState state, Approval approval) {

    /** Whether it is queued or retrying: on its way to the platform, not yet sent or failed. */
    public boolean onItsWay() {
        return delivery != null && (delivery.state() == org.webcare.channel.DeliveryState.QUEUED
                || delivery.state() == org.webcare.channel.DeliveryState.RETRYING);
    }

    /** Whether it still waits for a team lead. */
    public boolean awaitsApproval() {
        return state == ReplyState.AWAITING_APPROVAL;
    }

    /** Whether a team lead sent it back to its author with a comment. */
    public boolean returned() {
        return state == ReplyState.RETURNED;
    }

    /** Its author may change a returned reply or discard it, and so may team leads. */
    public boolean editableBy(WebcareUser user) {
        return user != null && (user.role().leads() || authorUserId != null && authorUserId == user.id());
    }

    /**
     * A reply's way through approval.
     *
     * @param reason    the policy that held it, e.g. {@code brand policy: public replies}
     * @param decidedBy the team lead who approved or returned it last, or {@code null} while nobody did
     * @param comment   the team lead's comment when they returned it, or {@code null}
     */
    public record Approval(String reason, Instant requestedAt, String decidedBy, Instant decidedAt, String comment) {
    }
}
