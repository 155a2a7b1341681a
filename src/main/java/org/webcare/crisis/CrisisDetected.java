package org.webcare.crisis;

import java.time.Instant;
import java.util.List;

/**
 * Published when a crisis starts and each time it grows (never again for the same level or less).
 *
 * @param crisisId the stored crisis; the same id for every growth of one crisis
 * @param scope {@link Scope#BRAND} or {@link Scope#QUERY}
 * @param scopeId the brand's or the saved query's id
 * @param scopeName the brand's or the query's name, for the alert's subject
 * @param kind what raised it
 * @param level how large it is now (posts in the window for volume, per mille negative for negative share,
 *              the author's followers for high reach); a re-fire always has a larger level than the last one
 * @param reason one sentence a person reads in the alert, e.g. "42 posts in 15 minutes, 6 expected"
 * @param postIds the posts that drove it, most relevant first (at most a few dozen)
 * @param liveViewPath path of the live view in Webcare, to prefix with the public URL
 */
public record CrisisDetected(long crisisId, Scope scope, long scopeId, String scopeName, Kind kind, long level,
                             String reason, List<Long> postIds, Instant detectedAt, String liveViewPath) {

    public CrisisDetected {
        postIds = List.copyOf(postIds);
    }

    public enum Scope { BRAND, QUERY }

    public enum Kind { VOLUME, NEGATIVE_SHARE, HIGH_REACH }
}
