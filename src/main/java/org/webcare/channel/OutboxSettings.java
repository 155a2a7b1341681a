package org.webcare.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox delivers.
 *
 * @param firstRetryDelay delay before the second attempt; it doubles with every failure (with jitter) up to {@code maxRetryDelay}
 * @param maxAttempts attempts before a message is given up as failed
 * @param lease how long a claimed message is reserved for one attempt; after a crash it is retried once this passes
 */
@ConfigurationProperties("webcare.outbox")
record OutboxSettings(Duration pollInterval, Duration firstRetryDelay, Duration maxRetryDelay, int maxAttempts,
                      Duration lease, Duration requestTimeout) {

    OutboxSettings {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(2) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(10) : maxRetryDelay;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
    }

    /** Exponential backoff with "equal jitter": half fixed, half random, so retries of many messages spread out. */
    Duration retryDelay(int failedAttempts, double random) {
        long base = firstRetryDelay.toMillis();
        long exponential = failedAttempts >= 31 ? Long.MAX_VALUE : base << Math.max(0, failedAttempts - 1);
        long capped = Math.min(Math.max(exponential, base), maxRetryDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * random));
    }
}
