package org.webcare.cases;

import java.time.Instant;

import org.webcare.channel.Delivery;
import org.webcare.shared.Visibility;

/**
 * An agent's answer to a post, with where its delivery stands.
 *
 * @param authorUserId the agent, or {@code null} for replies from history
 */
public record Reply(long id, long postId, Long authorUserId, String authorName, String text, Visibility visibility, Instant createdAt,
                    Delivery delivery) {
}
