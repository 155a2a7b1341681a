package org.webcare.routing;

import java.time.Instant;

/**
 * Where routing put a case. Queue and rule names are user input: escape on output.
 *
 * @param queueId the queue it waits in, or {@code null}: unrouted (no rule matched, the brand has no default queue)
 * @param ruleId the rule that sent it there, or {@code null} when it went to the default queue
 */
public record CaseRoute(long caseId, Long queueId, String queueName, Strategy strategy, Long ruleId, String ruleName,
                        Instant routedAt) {

    public boolean routed() {
        return queueId != null;
    }
}
