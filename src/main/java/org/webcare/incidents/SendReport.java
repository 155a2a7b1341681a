package org.webcare.incidents;

import java.util.List;

/**
 * What one send of a statement did: sent to some cases, skipped those that had it, and the refusals with their
 * reasons (the others were sent all the same).
 */
public record SendReport(StatementKind kind, List<Sent> sent, int alreadySent, List<Refused> refused) {

    public record Sent(long caseId, long replyId) {
    }

    public record Refused(long caseId, String customer, String reason) {
    }
}
