package org.webcare.crisis;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Volume spikes: the posts of a short sliding window against what the hour-of-week baseline expects for that window.
 * A short window (15 minutes by default), evaluated every minute, lets a surge raise the alarm within minutes instead
 * of at the end of the hour. Thread-safe.
 * <p>
 * The window alarms from the largest of three counts:
 * <ul>
 *   <li>a minimum number of posts (10 by default): two posts in a quiet night hour are no crisis, whatever the
 *       statistics say;</li>
 *   <li>{@code minimumRatio} times the expected count (3 by default): at high volume a rise of a tenth is
 *       statistically certain but no crisis for a webcare team, and real traffic doubles for a quarter of an hour
 *       more often than one would think (a thread, a customer's run of tweets); a tripling is a different day;</li>
 *   <li>the count the window would exceed by chance only once in ten thousand windows, for posts that arrive in
 *       clusters (variance three times the mean), at a rate already raised by one robust standard deviation of the
 *       hour's week-to-week variation, so an ordinary busy Monday does not alarm.</li>
 * </ul>
 */
final class SpikeDetector {

    /** One window in ten thousand: with about 100 independent 15-minute windows a day, one chance alarm in months. */
    static final double CHANCE_EXCEEDANCE = 0.0001;
    /** How many robust standard deviations of week-to-week variation are still ordinary. */
    static final double ORDINARY_SPREADS = 1;
    /**
     * Posts do not arrive independently: a thread, a customer's run of tweets or a retweet wave brings several at
     * once, so counts vary more than a Poisson stream's. On the replayed airline week, the variance of 15-minute counts
     * was 1.5 to 3.5 times their expectation; 3 takes the upper end.
     */
    static final double DISPERSION = 3;

    private final Duration window;
    private final long minimumPosts;
    private final double minimumRatio;

    SpikeDetector(Duration window, long minimumPosts, double minimumRatio) {
        this.window = window;
        this.minimumPosts = minimumPosts;
        this.minimumRatio = minimumRatio;
    }

    Duration window() {
        return window;
    }

    /** The spike, when the {@code posts} of the window ending at {@code now} are too many for that time of the week. */
    Optional<Spike> evaluate(HourOfWeekBaseline baseline, Instant now, long posts) {
        if (!baseline.ready()) {
            return Optional.empty();
        }
        Expectation expected = baseline.between(now.minus(window), now);
        long threshold = threshold(expected);
        return posts >= threshold ? Optional.of(new Spike(posts, expected, threshold, window)) : Optional.empty();
    }

    /** The smallest count of the window that alarms. */
    long threshold(Expectation expected) {
        long byRatio = (long) Math.ceil(minimumRatio * expected.posts());
        double rate = expected.posts() + ORDINARY_SPREADS * expected.spread();
        long byChance = (long) Math.floor(rate + Normal.quantile(1 - CHANCE_EXCEEDANCE) * Math.sqrt(DISPERSION * rate)) + 1;
        return Math.max(minimumPosts, Math.max(byRatio, byChance));
    }

    /** A window with too many posts. */
    record Spike(long posts, Expectation expected, long threshold, Duration window) {

        String reason() {
            return posts + " posts in " + window.toMinutes() + " minutes, about "
                    + Math.round(expected.posts()) + " expected at this time of the week (alarm from " + threshold + ")";
        }
    }
}
