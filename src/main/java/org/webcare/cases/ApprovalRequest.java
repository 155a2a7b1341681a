package org.webcare.cases;

import org.webcare.intake.Post;

/**
 * A reply in the approval queue with what the approver needs to judge it: the customer's post it answers and its case.
 *
 * @param caseId       the case of the post, or {@code null} when it is in none
 * @param casePriority that case's priority (1 most urgent), or {@code null}
 * @param channel      where the reply goes, e.g. {@code Polderstroom · X}
 */
public record ApprovalRequest(Reply reply, Post post, Long caseId, Integer casePriority, String channel) {
}
