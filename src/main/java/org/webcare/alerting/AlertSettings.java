package org.webcare.alerting;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How alerts are collected and sent.
 *
 * @param instantWindow after an instant alert, further matches of that rule are collected this long and sent together
 * @param from the sender of alert e-mails
 * @param webhookAllowedHosts host names a webhook may point to even when they resolve to an internal address
 * @param pollInterval how often windows are closed and due alerts sent
 * @param lease how long a claimed alert is reserved for one attempt; after a crash it is sent again once this passes
 * @param firstRetryDelay delay before the second attempt; it doubles with every failure (with jitter) up to {@code maxRetryDelay}
 * @param maxAttempts attempts before an alert is given up as failed
 * @param requestTimeout one webhook call's time-out
 * @param maxPostsShown posts listed per query in one alert; the rest are counted ("and 12 more")
 */
@ConfigurationProperties("webcare.alerts")
record AlertSettings(Duration instantWindow, String from, List<String> webhookAllowedHosts, Duration pollInterval,
                     Duration lease, Duration firstRetryDelay, Duration maxRetryDelay, int maxAttempts,
                     Duration requestTimeout, int maxPostsShown) {

    AlertSettings {
        instantWindow = instantWindow == null ? Duration.ofMinutes(5) : instantWindow;
        from = from == null || from.isBlank() ? "webcare@localhost" : from.strip();
        webhookAllowedHosts = webhookAllowedHosts == null ? List.of() : webhookAllowedHosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(10) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(30) : maxRetryDelay;
        maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        maxPostsShown = maxPostsShown <= 0 ? 50 : maxPostsShown;
    }

    /** Exponential backoff with "equal jitter": half fixed, half random, so many failing alerts spread out. */
    Duration retryDelay(int failedAttempts, double random) {
        long base = firstRetryDelay.toMillis();
        long exponential = failedAttempts >= 31 ? Long.MAX_VALUE : base << Math.max(0, failedAttempts - 1);
        long capped = Math.min(Math.max(exponential, base), maxRetryDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * random));
    }
}
