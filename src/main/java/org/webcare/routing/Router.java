package org.webcare.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;

/** Picks a case's queue: the brand's rules in order, the first that matches wins; otherwise the default queue. */
@Component
class Router {

    private final RoutingRules rules;
    private final Queues queues;
    private final Channels channels;
    private final SavedQueries savedQueries;

    Router(RoutingRules rules, Queues queues, Channels channels, SavedQueries savedQueries) {
        this.rules = rules;
        this.queues = queues;
        this.channels = channels;
        this.savedQueries = savedQueries;
    }

    RoutingDecision decide(CaseFacts facts) {
        List<RoutingRule> ordered = rules.ofBrand(facts.brandId());
        Conditions.Names names = ordered.isEmpty() ? null : names();
        List<RuleVerdict> verdicts = new ArrayList<>();
        for (RoutingRule rule : ordered) {
            List<Check> checks = rule.conditions().check(facts, names);
            boolean matched = checks.stream().allMatch(Check::met);
            verdicts.add(new RuleVerdict(rule, matched, checks));
            if (matched) {
                return new RoutingDecision(queues.get(rule.queueId()), rule, verdicts);
            }
        }
        return new RoutingDecision(queues.defaultOf(facts.brandId()).orElse(null), null, verdicts);
    }

    private Conditions.Names names() {
        return new Conditions.Names(
                channels.channels().stream().collect(Collectors.toMap(Channel::id, Channel::name, (a, b) -> a)),
                savedQueries.all().stream().collect(Collectors.toMap(SavedQuery::id, SavedQuery::name, (a, b) -> a)));
    }
}
