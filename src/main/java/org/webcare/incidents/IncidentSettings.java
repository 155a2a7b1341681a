package org.webcare.incidents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How candidates for an incident are found ({@code webcare.incidents.*}).
 *
 * @param candidatePeriod how far back posts are searched when the agent names no start
 * @param maxCandidates the most cases one search offers
 */
@ConfigurationProperties("webcare.incidents")
public record IncidentSettings(Duration candidatePeriod, Integer maxCandidates) {

    public IncidentSettings {
        if (candidatePeriod == null) {
            candidatePeriod = Duration.ofHours(24);
        } else if (candidatePeriod.isNegative() || candidatePeriod.isZero()) {
            throw new IllegalArgumentException("webcare.incidents.candidate-period: must be positive, got " + candidatePeriod);
        }
        if (maxCandidates == null) {
            maxCandidates = 200;
        } else if (maxCandidates < 1 || maxCandidates > 2_000) {
            throw new IllegalArgumentException("webcare.incidents.max-candidates: must be 1 to 2000, got " + maxCandidates);
        }
    }
}
