package org.webcare.surveys;

import java.time.Instant;

/**
 * A case's survey. Kind, way of asking and language are set when it is sent; team and agent are who the answer is
 * about. The comment is the customer's text: hostile input, escape on output.
 *
 * @param reason why it was skipped or cancelled, or {@code null}
 * @param askBy how it was actually asked (in-channel falls back to the page where answers cannot come back)
 */
public record Survey(long id, long caseId, long brandId, long channelId, SurveyStatus status, String reason,
                     Instant resolvedAt, Instant dueAt, SurveyKind kind, AskBy askBy, String language, Instant sentAt,
                     Instant expiresAt, String team, Long agentUserId, String agentName, Integer score, String comment,
                     Instant answeredAt, String answeredVia) {
}
