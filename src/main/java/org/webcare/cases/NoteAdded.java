package org.webcare.cases;

import java.util.List;

/** Published in the transaction that added an internal note, with the colleagues it mentions. */
public record NoteAdded(long caseId, long noteId, List<Long> mentionedUserIds) {
}
