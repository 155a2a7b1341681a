package org.webcare.cases;

/** Published when a case got another owner ({@code null}: back in its queue). */
public record CaseAssigned(long caseId, Long fromUserId, Long toUserId) {
}
