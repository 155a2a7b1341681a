package org.webcare.incidents;

import java.util.List;
import java.util.Map;

import org.webcare.shared.Visibility;

/**
 * Who a statement would reach if it were sent now: the cases that have not had it, each with the reply it would get
 * (filled in for that customer) or why it would be refused. Nothing is recorded by a preview.
 *
 * @param alreadySent cases that had the statement (they will not get it again)
 * @param willSend cases it would be sent to now
 * @param byChannel of those, how many per channel
 */
public record Preview(StatementKind kind, String statement, int alreadySent, int willSend, int publicReplies,
                      int privateReplies, int refused, Map<String, Integer> byChannel, List<Recipient> recipients) {

    /**
     * One case that has not had the statement.
     *
     * @param text the reply as this customer would get it (plain text: escape on output), or {@code null} when refused
     *             before it could be written (a merged case)
     * @param refusal why it would be refused ("field: reason"), or {@code null} when it would be sent
     */
    public record Recipient(long caseId, String customer, String channelName, Visibility visibility, String text,
                            String refusal) {
    }
}
