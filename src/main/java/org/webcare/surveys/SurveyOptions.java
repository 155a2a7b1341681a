package org.webcare.surveys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How surveys run ({@code webcare.surveys.*}).
 *
 * @param pollInterval how often due invitations are sent
 * @param linkValidFor how long a survey can be answered after it was sent (page link and in-channel answer)
 * @param recentWithin only cases resolved within this time are surveyed, so imported history asks nobody
 */
@ConfigurationProperties("webcare.surveys")
public record SurveyOptions(Duration pollInterval, Duration linkValidFor, Duration recentWithin) {

    public SurveyOptions {
        pollInterval = positive("poll-interval", pollInterval, Duration.ofMinutes(1));
        linkValidFor = positive("link-valid-for", linkValidFor, Duration.ofDays(7));
        recentWithin = positive("recent-within", recentWithin, Duration.ofDays(1));
    }

    private static Duration positive(String name, Duration value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("webcare.surveys." + name + ": must be positive, got " + value);
        }
        return value;
    }
}
