package org.webcare.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the runtime polls sources.
 *
 * @param tick how often due sources are looked for
 * @param lease how long a claimed poll may take before another node (or the next start) takes it over
 * @param firstRetryDelay the wait after a first failure; it doubles with every failure in a row, with jitter
 * @param maxRetryDelay the longest wait between tries of a failing source
 * @param permanentRetryDelay the shortest wait after a failure that needs someone to change something (401)
 */
@ConfigurationProperties("webcare.sources")
record SourceSettings(Duration tick, Duration lease, Duration firstRetryDelay, Duration maxRetryDelay,
                      Duration permanentRetryDelay) {

    SourceSettings {
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        permanentRetryDelay = permanentRetryDelay == null ? Duration.ofMinutes(15) : permanentRetryDelay;
    }

    /** Exponential backoff with jitter (between half and all of the delay), so failing sources do not retry in step. */
    Duration retryDelay(int failures, boolean permanent, Duration retryAfter, double random) {
        long base = firstRetryDelay.toMillis() << Math.min(20, Math.max(0, failures - 1));
        long capped = Math.min(base, maxRetryDelay.toMillis());
        long delay = (long) (capped * (0.5 + random / 2));
        if (permanent) {
            delay = Math.max(delay, permanentRetryDelay.toMillis());
        }
        if (retryAfter != null) {
            delay = Math.max(delay, retryAfter.toMillis());
        }
        return Duration.ofMillis(delay);
    }
}
