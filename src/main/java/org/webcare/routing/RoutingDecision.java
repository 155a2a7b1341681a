package org.webcare.routing;

import java.util.List;

/**
 * Where the rules send a case.
 *
 * @param queue the queue, or {@code null} when no rule matched and the brand has no default queue
 * @param rule the rule that matched, or {@code null} when the case went to the default queue (or nowhere)
 * @param verdicts the rules tried, in order, up to and including the one that matched
 */
public record RoutingDecision(Queue queue, RoutingRule rule, List<RuleVerdict> verdicts) {

    public RoutingDecision {
        verdicts = List.copyOf(verdicts);
    }

    public boolean routed() {
        return queue != null;
    }

    public boolean byDefault() {
        return queue != null && rule == null;
    }
}
