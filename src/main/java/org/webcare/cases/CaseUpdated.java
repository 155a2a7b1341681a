package org.webcare.cases;

/** Published when anything of a case changed (a post joined, priority, assignment), for live views. */
public record CaseUpdated(long caseId) {
}
