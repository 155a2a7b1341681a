package org.webcare.crisis;

import java.util.Collection;

import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * A single post that can hurt: negative or a complaint, from an author with a large audience, or spreading fast (a
 * high reach score, which counts engagement per hour where the platform reports it). Thread-safe.
 */
final class HighReachPost {

    private final long minimumFollowers;
    private final int minimumReach;

    HighReachPost(long minimumFollowers, int minimumReach) {
        this.minimumFollowers = minimumFollowers;
        this.minimumReach = minimumReach;
    }

    boolean alarms(Long followers, int reach, SentimentLabel sentiment, Collection<Intent> intents) {
        boolean hurts = sentiment == SentimentLabel.NEGATIVE || intents.contains(Intent.COMPLAINT);
        boolean large = (followers != null && followers >= minimumFollowers) || reach >= minimumReach;
        return hurts && large;
    }

    static String reason(String handle, Long followers, int reach) {
        return "a negative post by " + handle + (followers == null ? "" : String.format(java.util.Locale.ROOT, " (%,d followers)", followers))
                + ", reach " + reach + " of 100";
    }
}
