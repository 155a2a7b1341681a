package org.webcare.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.webcare.intake.Post;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;
import org.webcare.shared.Visibility;

/**
 * Assesses a case's impact and urgency from its customer's posts. Impact is how many people read along: a public
 * post by an author with a large audience is seen by many (the thresholds match those of crisis detection's
 * high-reach signal). Urgency comes from what the customer wants (urgent, cancel, complaint), how they feel, and how
 * long they have waited.
 */
final class CasePriority {

    static final int HIGH_REACH = 75;
    static final long HIGH_FOLLOWERS = 100_000;
    static final int MEDIUM_REACH = 40;
    static final long MEDIUM_FOLLOWERS = 5_000;

    private CasePriority() {
    }

    /**
     * @param waitingSince the customer's first message after the team's last reply, or {@code null} when nothing waits
     */
    static Priority assess(List<Post> customerPosts, Instant waitingSince, Instant now, Duration waitingEscalation) {
        return assess(customerPosts, waitingSince, now, waitingEscalation, null);
    }

    /**
     * @param incidentId the open incident the case is part of, or {@code null}: an incident touches many customers,
     *                   so its cases have a high impact whatever their own reach
     */
    static Priority assess(List<Post> customerPosts, Instant waitingSince, Instant now, Duration waitingEscalation,
                           Long incidentId) {
        List<String> reasons = new ArrayList<>();
        Priority.Level impact = incidentId != null ? incidentImpact(incidentId, reasons) : impact(customerPosts, reasons);
        Priority.Level urgency = urgency(customerPosts, reasons);
        if (waitingSince != null) {
            Duration waited = Duration.between(waitingSince, now);
            if (waited.compareTo(waitingEscalation) >= 0 && urgency != Priority.Level.HIGH) {
                urgency = urgency.raised();
                reasons.add("waiting=" + waited.toHours());
            }
        }
        return Priority.of(impact, urgency, reasons);
    }

    private static Priority.Level incidentImpact(long incidentId, List<String> reasons) {
        reasons.add("incident=" + incidentId);
        return Priority.Level.HIGH;
    }

    private static Priority.Level impact(List<Post> posts, List<String> reasons) {
        boolean anyPublic = posts.stream().anyMatch(p -> p.visibility() == Visibility.PUBLIC);
        if (!anyPublic) {
            reasons.add("private");
            return Priority.Level.LOW;
        }
        int reach = posts.stream().filter(p -> p.visibility() == Visibility.PUBLIC && p.analysis() != null)
                .mapToInt(p -> p.analysis().reach()).max().orElse(0);
        long followers = posts.stream().filter(p -> p.visibility() == Visibility.PUBLIC && p.authorFollowers() != null)
                .mapToLong(Post::authorFollowers).max().orElse(0);
        if (reach >= HIGH_REACH || followers >= HIGH_FOLLOWERS) {
            reasons.add(followers >= HIGH_FOLLOWERS ? "followers=" + followers : "reach=" + reach);
            return Priority.Level.HIGH;
        }
        if (reach >= MEDIUM_REACH || followers >= MEDIUM_FOLLOWERS) {
            reasons.add(followers >= MEDIUM_FOLLOWERS ? "followers=" + followers : "reach=" + reach);
            return Priority.Level.MEDIUM;
        }
        reasons.add("public");
        return Priority.Level.LOW;
    }

    private static Priority.Level urgency(List<Post> posts, List<String> reasons) {
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        posts.stream().filter(p -> p.analysis() != null).forEach(p -> intents.addAll(p.analysis().intents()));
        if (intents.contains(Intent.URGENT) || intents.contains(Intent.CANCEL)) {
            reasons.add("intent=" + (intents.contains(Intent.URGENT) ? "urgent" : "cancel"));
            return Priority.Level.HIGH;
        }
        Post latest = posts.isEmpty() ? null : posts.getLast();
        boolean negative = latest != null && latest.analysis() != null
                && latest.analysis().sentiment().label() == SentimentLabel.NEGATIVE;
        if (intents.contains(Intent.COMPLAINT) || negative) {
            reasons.add(intents.contains(Intent.COMPLAINT) ? "intent=complaint" : "sentiment=negative");
            return Priority.Level.MEDIUM;
        }
        return Priority.Level.LOW;
    }
}
