package org.webcare.cases;

import java.time.Instant;

/**
 * Published in the transaction that recorded a reply by the team: sent by an agent, or imported as already sent.
 *
 * @param authorUserId the agent, or {@code null} for replies from history
 */
public record ReplyRecorded(long replyId, long postId, Long authorUserId, String authorName, Instant at) {
}
