package org.webcare.cases;

/**
 * Published in the transaction that changed a case's status, also when the customer's message reopened it.
 *
 * @param actorId the agent who changed it, or {@code null} when Webcare did (a customer's message, auto-close)
 */
public record CaseStatusChanged(long caseId, CaseStatus from, CaseStatus to, Long actorId) {
}
