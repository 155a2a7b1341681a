package org.webcare.sla;

import java.time.Instant;

/** What a user is told in the app: a clock of a case warned or breached. */
public record SlaNotification(long id, long caseId, String kind, String clockKind, Instant dueAt, Instant createdAt,
                              boolean read) {
}
