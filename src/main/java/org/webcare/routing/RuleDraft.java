package org.webcare.routing;

import java.util.List;

/**
 * A routing rule as a team lead writes it; {@link RoutingRules} checks every field. Empty or {@code null} conditions
 * are not used.
 *
 * @param intents intent names such as {@code complaint}
 * @param sentiment {@code negative}, {@code neutral} or {@code positive}
 * @param maxPriority 1 (critical) to 5 (planning)
 */
public record RuleDraft(String name, Long queueId, List<Long> channelIds, List<String> languages, List<String> intents,
                        List<Long> queryIds, String sentiment, Integer maxPriority, List<String> customerTags) {
}
