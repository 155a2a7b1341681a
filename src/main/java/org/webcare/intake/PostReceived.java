package org.webcare.intake;

/** Published once for every post stored for the first time. */
public record PostReceived(long postId, long channelId, long threadId) {
}
