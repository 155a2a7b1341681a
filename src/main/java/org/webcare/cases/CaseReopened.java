package org.webcare.cases;

/**
 * Published when a resolved case reopened because the customer wrote again; routing gives it back to the agent who
 * had it when that agent is available.
 */
public record CaseReopened(long caseId, Long previousAssigneeId) {
}
