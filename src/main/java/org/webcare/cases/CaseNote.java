package org.webcare.cases;

import java.time.Instant;
import java.util.List;

/**
 * An internal note on a case: written for the team, never sent to the customer. Its text is hostile input like post
 * text (an expert's e-mail, a colleague's paste): escape on output.
 *
 * @param authorUserId the colleague who wrote it, or {@code null} for an expert's answer (then {@code authorName} is
 *                     the expert's e-mail address)
 * @param consultId the consult this note answers, or {@code null} for a note written in Webcare
 * @param mentioned the display names of the colleagues it mentions with {@code @name}
 */
public record CaseNote(long id, long caseId, Long authorUserId, String authorName, String text, Instant createdAt,
                       Long consultId, List<String> mentioned) {

    public boolean consultAnswer() {
        return consultId != null;
    }
}
