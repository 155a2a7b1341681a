package org.webcare.intake;

/** Published when an agent corrected a post's sentiment or intents. */
public record AnalysisCorrected(long postId, long threadId) {
}
