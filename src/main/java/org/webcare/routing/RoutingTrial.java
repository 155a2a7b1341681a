package org.webcare.routing;

import java.util.List;
import java.util.Set;

import org.webcare.cases.Priority;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * What routing would do with a sample post now: what analysis and listening found, the priority its case would get,
 * each rule tried in order with its conditions checked, the queue, and who would get the case.
 *
 * @param verdicts the rules tried, up to and including the one that matched
 * @param queue the queue, or {@code null} when the case would stay unrouted
 * @param rule the rule that matched, or {@code null} (default queue, or unrouted)
 * @param assignee who would get the case now, or {@code null} (manual queue, or nobody has room)
 * @param members the queue's members, each with why they could not take it
 */
public record RoutingTrial(String text, String language, SentimentLabel sentiment, Set<Intent> intents, boolean addressed,
                           int reach, List<String> matchedQueries, Priority priority, Set<String> customerTags,
                           List<RuleVerdict> verdicts, Queue queue, RoutingRule rule, Candidate assignee,
                           List<Candidate> members) {
}
