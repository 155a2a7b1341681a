package org.webcare.crisis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How crises are detected; every threshold's reason is given where it is used.
 *
 * @param checkInterval how often the watch looks at every brand and query
 * @param window the sliding window whose posts are compared with the hour-of-week baseline
 * @param minimumPosts the fewest posts in the window that can be a volume spike
 * @param minimumRatio how many times the expected count the window must reach
 * @param historyWeeks how many weeks of history the baseline learns from
 * @param negativeMinimumPosts the fewest analysed posts in the last hour that can be a negative wave
 * @param highReachFollowers the audience from which one negative post or complaint raises a crisis
 * @param highReachScore the reach score (0–100, audience and engagement per hour) from which it does too
 * @param growthFactor how much an open crisis must grow before it is raised again
 * @param quietPeriod how long a crisis must be back to normal before it ends
 */
@ConfigurationProperties("webcare.crisis")
record CrisisSettings(Duration checkInterval, Duration window, long minimumPosts, double minimumRatio, int historyWeeks,
                      long negativeMinimumPosts, long highReachFollowers, int highReachScore, double growthFactor,
                      Duration quietPeriod) {

    CrisisSettings {
        checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
        window = window == null ? Duration.ofMinutes(15) : window;
        minimumPosts = minimumPosts <= 0 ? 10 : minimumPosts;
        minimumRatio = minimumRatio <= 0 ? 3.0 : minimumRatio;
        historyWeeks = historyWeeks <= 0 ? 8 : historyWeeks;
        negativeMinimumPosts = negativeMinimumPosts <= 0 ? 20 : negativeMinimumPosts;
        highReachFollowers = highReachFollowers <= 0 ? 100_000 : highReachFollowers;
        highReachScore = highReachScore <= 0 ? 75 : highReachScore;
        growthFactor = growthFactor <= 1 ? 1.5 : growthFactor;
        quietPeriod = quietPeriod == null ? Duration.ofHours(1) : quietPeriod;
    }

    /** The negative share is judged over an hour: fewer posts would make the share too noisy to judge. */
    static final Duration NEGATIVE_WINDOW = Duration.ofHours(1);
    /** Only fresh posts raise a high-reach crisis: an imported or late old post is history, not an emergency. */
    static final Duration HIGH_REACH_WINDOW = Duration.ofHours(1);

    SpikeDetector spikeDetector() {
        return new SpikeDetector(window, minimumPosts, minimumRatio);
    }

    NegativeShare negativeShare() {
        return new NegativeShare(negativeMinimumPosts);
    }

    HighReachPost highReachPost() {
        return new HighReachPost(highReachFollowers, highReachScore);
    }
}
