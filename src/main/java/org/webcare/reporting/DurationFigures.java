package org.webcare.reporting;

/**
 * Durations in minutes (one decimal when shown): how many, median and 90th percentile (null when count is 0), and the
 * share (0..1) within target (null when there is no target or no durations).
 */
public record DurationFigures(long count, Double medianMinutes, Double p90Minutes, Double withinTarget) {
}
