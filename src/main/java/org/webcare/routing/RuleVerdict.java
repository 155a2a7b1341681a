package org.webcare.routing;

import java.util.List;

/** Whether a rule matched a case, with each of its conditions checked. */
public record RuleVerdict(RoutingRule rule, boolean matched, List<Check> checks) {

    public RuleVerdict {
        checks = List.copyOf(checks);
    }

    public List<Check> unmet() {
        return checks.stream().filter(check -> !check.met()).toList();
    }
}
