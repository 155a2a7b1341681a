package org.webcare.consults;

/** Published in the transaction that asked an expert; the e-mail to them goes out after it commits. */
public record ConsultAsked(long consultId, long caseId) {
}
