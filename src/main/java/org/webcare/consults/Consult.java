package org.webcare.consults;

import java.time.Instant;

/**
 * A question about a case to an expert, with its due time and, once given, the answer. Question and answer are
 * hostile input (the answer comes from e-mail): escape on output.
 *
 * @param overdue whether it was still open past its due time when it was read
 * @param answeredBy who answered: the expert's address, or the sender of a reply that referenced the consult e-mail
 * @param waitedMinutes the time spent waiting on the expert, asked to answered; {@code null} until answered
 * @param mailError why the e-mail to the expert was not sent (yet), or {@code null}
 */
public record Consult(long id, long caseId, String expertEmail, String question, String language, Long askedByUserId,
                      String askedBy, Instant askedAt, Instant dueAt, Instant linkExpiresAt, ConsultStatus status,
                      boolean overdue, String answer, Instant answeredAt, String answeredBy, AnsweredVia answeredVia,
                      Long waitedMinutes, Instant cancelledAt, String cancelledBy, MailState mailState,
                      String mailError, Instant mailSentAt) {

    public boolean open() {
        return status == ConsultStatus.OPEN;
    }

    /** How the expert answered. */
    public enum AnsweredVia {
        LINK, EMAIL
    }

    /** Where the e-mail to the expert stands. */
    public enum MailState {
        PENDING, RETRYING, SENT, FAILED
    }
}
