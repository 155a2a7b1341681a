package org.webcare.intake;

/** What intake did with a post: stored it, or recognised it as one it already had. */
public record IntakeResult(long postId, long threadId, boolean duplicate) {
}
