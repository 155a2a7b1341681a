package org.webcare.consults;

/** Published in the transaction that recorded an expert's answer (through the link or by e-mail). */
public record ConsultAnswered(long consultId, long caseId, long noteId) {
}
