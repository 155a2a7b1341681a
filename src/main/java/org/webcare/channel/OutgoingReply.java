package org.webcare.channel;

import org.webcare.shared.Visibility;

/**
 * A reply as a connector sends it.
 *
 * @param inReplyTo the platform id of the post it answers
 * @param to the handle (or address) of the customer
 * @param subject the subject of the conversation where the platform has one (e-mail), or {@code null}
 */
public record OutgoingReply(String idempotencyKey, String inReplyTo, String to, Visibility visibility, String text,
                            String authorName, String subject) {
}
