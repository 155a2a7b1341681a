package org.webcare.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * What a rule asks of a case. Every condition is optional (empty list, {@code null}); all that are given must hold.
 * Lists hold when the case has any of their values.
 *
 * @param languages ISO 639-1 codes, lower case
 * @param queryIds saved listening queries the case's newest post matched
 * @param maxPriority the rule holds for cases of this priority or more urgent (1 = most urgent)
 * @param customerTags tags of the case's customer, lower case
 */
public record Conditions(List<Long> channelIds, List<String> languages, List<Intent> intents, List<Long> queryIds,
                         SentimentLabel sentiment, Integer maxPriority, List<String> customerTags) {

    public Conditions {
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
        languages = languages == null ? List.of() : List.copyOf(languages);
        intents = intents == null ? List.of() : List.copyOf(intents);
        queryIds = queryIds == null ? List.of() : List.copyOf(queryIds);
        customerTags = customerTags == null ? List.of() : List.copyOf(customerTags);
    }

    public static Conditions none() {
        return new Conditions(null, null, null, null, null, null, null);
    }

    /** Whether the rule takes every case. */
    public boolean isEmpty() {
        return channelIds.isEmpty() && languages.isEmpty() && intents.isEmpty() && queryIds.isEmpty()
                && sentiment == null && maxPriority == null && customerTags.isEmpty();
    }

    /** Each given condition checked against the case, in a fixed order. */
    public List<Check> check(CaseFacts facts, Names names) {
        List<Check> checks = new ArrayList<>();
        if (!channelIds.isEmpty()) {
            checks.add(new Check("channel", channelIds.contains(facts.channelId()),
                    join(channelIds.stream().map(names::channel).toList()), names.channel(facts.channelId())));
        }
        if (!languages.isEmpty()) {
            checks.add(new Check("language", facts.language() != null && languages.contains(facts.language()),
                    join(languages), facts.language() == null ? "—" : facts.language()));
        }
        if (!intents.isEmpty()) {
            checks.add(new Check("intent", intents.stream().anyMatch(facts.intents()::contains),
                    join(intents.stream().map(Intent::json).toList()),
                    facts.intents().isEmpty() ? "—" : join(facts.intents().stream().map(Intent::json).sorted().toList())));
        }
        if (!queryIds.isEmpty()) {
            checks.add(new Check("query", queryIds.stream().anyMatch(facts.queryIds()::contains),
                    join(queryIds.stream().map(names::query).toList()),
                    facts.queryIds().isEmpty() ? "—" : join(facts.queryIds().stream().map(names::query).toList())));
        }
        if (sentiment != null) {
            checks.add(new Check("sentiment", sentiment == facts.sentiment(), sentiment.json(),
                    facts.sentiment() == null ? "—" : facts.sentiment().json()));
        }
        if (maxPriority != null) {
            checks.add(new Check("priority", facts.priority() <= maxPriority, "≤ " + maxPriority,
                    String.valueOf(facts.priority())));
        }
        if (!customerTags.isEmpty()) {
            checks.add(new Check("tag", customerTags.stream().anyMatch(facts.customerTags()::contains),
                    join(customerTags), facts.customerTags().isEmpty() ? "—" : join(facts.customerTags().stream().sorted().toList())));
        }
        return checks;
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Names of channels and saved queries, so explanations read as the team knows them. */
    public record Names(Map<Long, String> channels, Map<Long, String> queries) {

        String channel(long id) {
            return channels.getOrDefault(id, "#" + id);
        }

        String query(long id) {
            return queries.getOrDefault(id, "#" + id);
        }
    }
}
