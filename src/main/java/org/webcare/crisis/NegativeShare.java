package org.webcare.crisis;

import java.util.Optional;

/**
 * Negative waves: the share of negative posts in the last hour against the scope's usual share. The hour's share is
 * judged by its Wilson lower bound (99 %, one-sided), not by the raw ratio, so 4 negative posts out of 5 do not count
 * as "80 % negative": the fewer the posts, the lower the bound. Thread-safe.
 * <p>
 * The bound must pass a quarter of the way from the usual share to all-negative: from 30 % usual that is 48 %, from
 * 60 % it is 70 %. Brands whose posts are mostly complaints anyway (an airline's are) thus need a clearer change than
 * brands that usually hear praise.
 */
final class NegativeShare {

    /** What a scope without history is assumed to hear: about the share of complaints in service traffic. */
    static final double PRIOR_SHARE = 0.3;
    /** The prior weighs as much as 50 posts, so a young scope's first few posts do not set its usual share alone. */
    static final long PRIOR_POSTS = 50;
    /** One-sided 99 %. */
    static final double Z = 2.326;

    private final long minimumPosts;

    NegativeShare(long minimumPosts) {
        this.minimumPosts = minimumPosts;
    }

    /** The usual share of negative posts from a scope's history of analysed posts, drawn towards the prior when short. */
    static double usualShare(long posts, long negatives) {
        return (negatives + PRIOR_SHARE * PRIOR_POSTS) / (posts + PRIOR_POSTS);
    }

    static double threshold(double usualShare) {
        return usualShare + (1 - usualShare) / 4;
    }

    /** The wave, when the hour's {@code negatives} among its analysed {@code posts} are clearly more than usual. */
    Optional<Wave> evaluate(long posts, long negatives, double usualShare) {
        if (posts < minimumPosts) {
            return Optional.empty();
        }
        double lower = wilsonLowerBound(negatives, posts, Z);
        return lower > threshold(usualShare) ? Optional.of(new Wave(posts, negatives, usualShare, lower)) : Optional.empty();
    }

    static double wilsonLowerBound(long successes, long trials, double z) {
        if (trials == 0) {
            return 0;
        }
        double p = (double) successes / trials;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * trials);
        double margin = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return (centre - margin) / (1 + z2 / trials);
    }

    /** An hour with clearly more negative posts than usual. */
    record Wave(long posts, long negatives, double usualShare, double lowerBound) {

        double share() {
            return (double) negatives / posts;
        }

        long perMille() {
            return Math.round(share() * 1000);
        }

        long usualPerMille() {
            return Math.round(usualShare * 1000);
        }

        String reason() {
            return negatives + " of " + posts + " posts in the last hour are negative (" + Math.round(share() * 100)
                    + " %), usually " + Math.round(usualShare * 100) + " %";
        }
    }
}
