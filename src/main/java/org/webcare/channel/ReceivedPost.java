package org.webcare.channel;

import java.time.Instant;

import org.webcare.shared.Visibility;

/**
 * A post as a connector read it from the platform, before intake (text may still hold HTML; intake cleans it).
 *
 * @param externalId the platform's stable id: the same item read twice has the same id, so it is stored once
 * @param inReplyTo the platform id of the post it answers, or {@code null}
 * @param url where it can be read on the web, or {@code null}
 * @param authorFollowers the author's audience when the platform tells, or {@code null}
 * @param toBrand whether it answers the brand (a reply to its post, a direct message, a mention)
 * @param title a feed item's title or an e-mail's subject, or {@code null}
 */
public record ReceivedPost(String externalId, String authorHandle, String authorName, String text, Visibility visibility,
                           Instant createdAt, String inReplyTo, String url, Long authorFollowers, boolean toBrand,
                           String title) {
}
