package org.webcare.cases;

/** Published when an agent's reply was recorded and queued for delivery. */
public record ReplyQueued(long replyId, long postId, long threadId) {
}
