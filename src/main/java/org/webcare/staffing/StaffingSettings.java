package org.webcare.staffing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staffing's settings ({@code webcare.staffing.*}).
 *
 * @param weeks how many complete weeks of arrivals the advice averages, unless the request asks for another number
 * @param serviceLevel the share of customers that should get their answer within {@code answerWithin} (0.8: 80 %)
 * @param answerWithin the target answer time; live-channel practice is 15 minutes (the case's first-response target
 *                     of hours would only ever ask for one agent more than the load)
 * @param shrinkage the share of paid time an agent is not answering (breaks, meetings, training); the scheduled
 *                  agents are the answering agents divided by {@code 1 − shrinkage}
 * @param maxOccupancy the highest share of time an answering agent should be busy; caps the load per agent when
 *                     Erlang C alone would allow more
 * @param defaultHandlingTime the handling time per reply when too few replies were measured
 * @param handlingTimeCap measured gaps longer than this are not handling time (the agent did something else)
 * @param minimumReplies how many measured replies it takes to trust the measured median over the default
 * @param openingHours when the team is open until the business calendar tells: {@code always}, or days and hours
 *                     such as {@code MON-FRI 08-22, SAT-SUN 10-18}
 */
@ConfigurationProperties("webcare.staffing")
public record StaffingSettings(Integer weeks, Double serviceLevel, Duration answerWithin, Double shrinkage,
                               Double maxOccupancy, Duration defaultHandlingTime, Duration handlingTimeCap,
                               Integer minimumReplies, String openingHours) {

    public static final int MAX_WEEKS = 52;

    public StaffingSettings {
        weeks = weeks == null ? 4 : weeks;
        serviceLevel = serviceLevel == null ? 0.8 : serviceLevel;
        answerWithin = answerWithin == null ? Duration.ofMinutes(15) : answerWithin;
        shrinkage = shrinkage == null ? 0.3 : shrinkage;
        maxOccupancy = maxOccupancy == null ? 0.85 : maxOccupancy;
        defaultHandlingTime = defaultHandlingTime == null ? Duration.ofMinutes(6) : defaultHandlingTime;
        handlingTimeCap = handlingTimeCap == null ? Duration.ofMinutes(30) : handlingTimeCap;
        minimumReplies = minimumReplies == null ? 20 : minimumReplies;
        openingHours = openingHours == null || openingHours.isBlank() ? "always" : openingHours.strip();
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("webcare.staffing.weeks: must be 1 to " + MAX_WEEKS + ", got " + weeks);
        }
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("webcare.staffing.service-level: must be between 0 and 1, got " + serviceLevel);
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("webcare.staffing.shrinkage: must be 0 or more and below 1, got " + shrinkage);
        }
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException("webcare.staffing.max-occupancy: must be above 0 and at most 1, got " + maxOccupancy);
        }
        positive("answer-within", answerWithin);
        positive("default-handling-time", defaultHandlingTime);
        positive("handling-time-cap", handlingTimeCap);
        if (minimumReplies < 1) {
            throw new IllegalArgumentException("webcare.staffing.minimum-replies: must be 1 or more, got " + minimumReplies);
        }
        ConfiguredOpeningHours.parse(openingHours);
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("webcare.staffing." + name + ": must be positive, got " + value);
        }
    }
}
