package org.webcare.cases;

import org.webcare.intake.Post;

/**
 * A question Webcare asks the customer after resolving a case (a survey asking for a score) whose answer comes as a
 * post in the case. {@link CaseThreading} offers such an implementation each customer post that would reopen a
 * resolved case; a post it takes joins the case without reopening it, as a "thanks, 9" is no new request.
 */
public interface AnswersAfterResolution {

    /**
     * Takes the post as the customer's answer when it is one; runs inside the intake transaction.
     *
     * @return whether the post was taken (the case then stays resolved)
     */
    boolean take(Case resolved, Post post);
}
