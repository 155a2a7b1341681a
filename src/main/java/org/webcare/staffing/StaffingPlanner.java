package org.webcare.staffing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns arrivals per hour of the week and a handling time into advised agents per hour. No data access. */
final class StaffingPlanner {

    static final int HOURS_OF_WEEK = 7 * 24;

    private StaffingPlanner() {
    }

    /**
     * @param arrivals per week (oldest first) the arrivals in each of its 168 hours, Monday 00–01 first
     * @param available the average available agents in each of the 168 hours
     */
    static List<HourCell> cells(long brandId, long[][] arrivals, double[] available, Duration handlingTime,
                                StaffingQuery query, double shrinkage, double maxOccupancy, OpeningHours openingHours) {
        double hours = handlingTime.toMillis() / 3_600_000.0;
        double answerWithin = (double) query.answerWithin().toMillis() / handlingTime.toMillis();
        List<HourCell> cells = new ArrayList<>(HOURS_OF_WEEK);
        for (int h = 0; h < HOURS_OF_WEEK; h++) {
            long[] perWeek = new long[arrivals.length];
            long sum = 0;
            for (int w = 0; w < arrivals.length; w++) {
                perWeek[w] = arrivals[w][h];
                sum += perWeek[w];
            }
            double average = (double) sum / arrivals.length;
            long busy = percentile90(perWeek);
            double load = average * hours;
            int answering = answering(load, answerWithin, query.serviceLevel(), maxOccupancy);
            int busyAnswering = answering(busy * hours, answerWithin, query.serviceLevel(), maxOccupancy);
            DayOfWeek day = DayOfWeek.of(h / 24 + 1);
            boolean open = openingHours.isOpen(brandId, day, h % 24);
            cells.add(new HourCell(day, h % 24, average, busy, load, answering, scheduled(answering, shrinkage),
                    scheduled(busyAnswering, shrinkage), available[h], open, !open && sum > 0));
        }
        return cells;
    }

    /** Erlang C's agents, raised where they would be busier than the maximum occupancy. */
    static int answering(double load, double answerWithinInHandlingTimes, double serviceLevel, double maxOccupancy) {
        int erlang = ErlangC.agentsNeeded(load, answerWithinInHandlingTimes, serviceLevel);
        int occupancy = (int) Math.ceil(load / maxOccupancy - 1e-9);
        return Math.max(erlang, occupancy);
    }

    static int scheduled(int answering, double shrinkage) {
        // The small epsilon keeps 3 / 0.75 = 4.0000000001 at 4.
        return (int) Math.ceil(answering / (1 - shrinkage) - 1e-9);
    }

    /** Nearest rank: the smallest value at or above 90 % of the weeks (with 4 weeks, the busiest). */
    static long percentile90(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
