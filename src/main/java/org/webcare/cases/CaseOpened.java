package org.webcare.cases;

/** Published in the transaction that opened a case (for a new post, a split, or an agent's choice). */
public record CaseOpened(long caseId, long brandId) {
}
