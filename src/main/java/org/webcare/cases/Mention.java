package org.webcare.cases;

import java.time.Instant;

/**
 * A colleague was named in a note with {@code @name}, or their consult was answered.
 *
 * @param customer the case's customer, to recognise the case by
 * @param readAt when they marked it read, or {@code null} while unread
 */
public record Mention(long id, long caseId, String customer, long noteId, String authorName, String text,
                      Instant createdAt, Instant readAt) {
}
