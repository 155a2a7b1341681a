package org.webcare.cases;

import java.time.Instant;
import java.util.List;

/**
 * One unit of work for the team: the posts of one conversation with a customer, with status, priority and owner.
 * Customer names are hostile input, as all post text: escape on output.
 *
 * @param priority the priority in force: the computed one, or an agent's override ({@code priorityOverridden})
 * @param assigneeId the agent who owns it, or {@code null} while it waits in its queue
 * @param previousCaseId the closed case this one follows, or {@code null}
 * @param mergedIntoId where its posts went when it was merged into another case, or {@code null}
 */
public record Case(long id, long brandId, String brandName, long channelId, String channelName, String customerHandle,
                   String customerName, CaseStatus status, Priority priority, boolean priorityOverridden,
                   Long assigneeId, String assigneeName, Long previousAssigneeId, Long previousCaseId,
                   Long mergedIntoId, Long splitFromId, Instant openedAt, Instant firstCustomerPostAt,
                   Instant lastCustomerPostAt, Instant firstAgentReplyAt, Instant lastAgentReplyAt,
                   Instant statusChangedAt, Instant resolvedAt, Instant closedAt) {

    /** The case number customers and colleagues quote, e.g. in a template's {@code {{case.number}}}. */
    public String number() {
        return String.valueOf(id);
    }

    public String customer() {
        return customerName == null ? customerHandle : customerName;
    }

    /** Whether the customer wrote after the team's last reply. */
    public boolean awaitsReply() {
        return lastAgentReplyAt == null || lastCustomerPostAt.isAfter(lastAgentReplyAt);
    }

    List<String> priorityReasons() {
        return priority.reasons();
    }
}
