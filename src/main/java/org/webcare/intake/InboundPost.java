package org.webcare.intake;

import java.time.Instant;

import org.webcare.shared.Visibility;

/**
 * A post as a channel received it, before intake: text may still contain HTML and odd Unicode.
 *
 * @param inReplyToExternalId the platform id of the post this one answers, or {@code null}
 */
public record InboundPost(long channelId, String externalId, String authorHandle, String authorName, String text,
                          Visibility visibility, Instant createdAt, String inReplyToExternalId) {
}
