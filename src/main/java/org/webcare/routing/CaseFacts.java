package org.webcare.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.webcare.analysis.DetectedLanguage;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * What routing looks at in a case: its newest post's analysis and matched queries, its priority, and its customer's
 * tags.
 *
 * @param language ISO 639-1 code, {@code unknown}, or {@code null} when the post was not analysed
 * @param sentiment the newest post's sentiment, or {@code null} when it was not analysed
 * @param priority 1 (critical) to 5 (planning)
 * @param queryNames the names of the matched saved queries, for agents' topics
 */
public record CaseFacts(long brandId, long channelId, String language, Set<Intent> intents, List<Long> queryIds,
                        List<String> queryNames, SentimentLabel sentiment, int priority, Set<String> customerTags) {

    public CaseFacts {
        intents = Set.copyOf(intents);
        queryIds = List.copyOf(queryIds);
        queryNames = List.copyOf(queryNames);
        customerTags = Set.copyOf(customerTags);
    }

    /** Whether the language is known, so agents' languages apply. */
    public boolean knowsLanguage() {
        return language != null && !language.isBlank() && !DetectedLanguage.UNKNOWN.equals(language);
    }

    /** What agents' topics are compared with: the intents and the names of the matched queries, lower case. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        intents.forEach(intent -> topics.add(intent.json()));
        queryNames.forEach(name -> topics.add(name.strip().toLowerCase(Locale.ROOT)));
        return topics;
    }
}
