package org.webcare.cases;

import java.time.Instant;

import org.webcare.channel.Delivery;
import org.webcare.shared.Visibility;

/** An agent's answer to a post, with where its delivery stands. */
public record Reply(long id, long postId, String authorName, String text, Visibility visibility, Instant createdAt,
                    Delivery delivery) {
}
