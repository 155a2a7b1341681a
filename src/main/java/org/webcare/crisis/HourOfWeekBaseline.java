package org.webcare.crisis;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The expected number of posts for each hour of the week, learned from a scope's history: the median of that hour's
 * counts over the past weeks, with the median absolute deviation as its spread. Medians, because one earlier crisis in
 * the history must not raise the bar for the next one; a mean would move with every outlier, the median does not until
 * half of the weeks are outliers.
 * <p>
 * With short history an hour has too few observations of its own, so it borrows from its neighbours: first the hours
 * just before and after it on the same day, then the same hour of the day on every day of the week. Immutable.
 */
final class HourOfWeekBaseline {

    /** Four weeks give a median that one odd week cannot move much. */
    static final int OWN_SLOT_MINIMUM = 4;
    /** Below a day of history there is no rhythm to compare with: such a scope is not judged on volume yet. */
    static final int MINIMUM_HOURS = 24;
    /** Scales the median absolute deviation to a standard deviation for normally distributed counts. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final ZoneId zone;
    private final double[] median;
    private final double[] spread;
    private final boolean ready;

    private HourOfWeekBaseline(ZoneId zone, double[] median, double[] spread, boolean ready) {
        this.zone = zone;
        this.median = median;
        this.spread = spread;
        this.ready = ready;
    }

    static HourOfWeekBaseline learn(HourlyHistory history) {
        List<List<Long>> observed = new ArrayList<>(HourOfWeek.SLOTS);
        for (int slot = 0; slot < HourOfWeek.SLOTS; slot++) {
            observed.add(new ArrayList<>());
        }
        for (Instant hour = history.from(); hour.isBefore(history.to()); hour = hour.plus(1, ChronoUnit.HOURS)) {
            observed.get(HourOfWeek.slot(hour, history.zone())).add(history.counts().getOrDefault(hour, 0L));
        }
        double[] median = new double[HourOfWeek.SLOTS];
        double[] spread = new double[HourOfWeek.SLOTS];
        for (int slot = 0; slot < HourOfWeek.SLOTS; slot++) {
            long[] sample = sample(observed, slot);
            median[slot] = median(sample);
            spread[slot] = MAD_TO_SIGMA * medianAbsoluteDeviation(sample, median[slot]);
        }
        return new HourOfWeekBaseline(history.zone(), median, spread, history.hours() >= MINIMUM_HOURS);
    }

    /** Whether there is enough history to judge volume at all. */
    boolean ready() {
        return ready;
    }

    /** Posts expected in one hour of the week (the median). */
    double perHour(int slot) {
        return median[slot];
    }

    /**
     * Posts expected between two instants: each hour's expectation in proportion to the minutes of it that the
     * stretch covers. The spread is scaled the same way, which overstates it for short windows a little: on the side
     * of fewer false alarms.
     */
    Expectation between(Instant from, Instant to) {
        double posts = 0;
        double variation = 0;
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Instant hourEnd = cursor.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            Instant pieceEnd = hourEnd.isBefore(to) ? hourEnd : to;
            double share = Duration.between(cursor, pieceEnd).toSeconds() / 3600.0;
            int slot = HourOfWeek.slot(cursor, zone);
            posts += median[slot] * share;
            variation += spread[slot] * share;
            cursor = pieceEnd;
        }
        return new Expectation(posts, variation);
    }

    private static long[] sample(List<List<Long>> observed, int slot) {
        List<Long> own = observed.get(slot);
        if (own.size() >= OWN_SLOT_MINIMUM) {
            return toArray(own);
        }
        List<Long> nearby = new ArrayList<>(own);
        nearby.addAll(observed.get(HourOfWeek.plus(slot, -1)));
        nearby.addAll(observed.get(HourOfWeek.plus(slot, 1)));
        if (nearby.size() >= OWN_SLOT_MINIMUM) {
            return toArray(nearby);
        }
        List<Long> sameHourEveryDay = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int offset = -1; offset <= 1; offset++) {
                sameHourEveryDay.addAll(observed.get(HourOfWeek.plus(slot, day * 24 + offset)));
            }
        }
        return toArray(sameHourEveryDay);
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    static double median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static double medianAbsoluteDeviation(long[] values, double median) {
        if (values.length == 0) {
            return 0;
        }
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        Arrays.sort(deviations);
        int middle = deviations.length / 2;
        return deviations.length % 2 == 1 ? deviations[middle] : (deviations[middle - 1] + deviations[middle]) / 2.0;
    }
}
