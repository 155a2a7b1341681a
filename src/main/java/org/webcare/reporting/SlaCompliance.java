package org.webcare.reporting;

/** SLA clocks of one policy and kind (first-response, next-response, resolution) that stopped in the period. */
public record SlaCompliance(Long policyId, String policyName, String clockKind, long met, long breached, Double compliance) {
}
