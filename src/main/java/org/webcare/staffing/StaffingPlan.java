package org.webcare.staffing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The staffing advice of one brand: 168 hours of the week, Monday 00–01 first, with the parameters that made it.
 *
 * @param from the first day (a Monday) of the weeks counted
 * @param until the day after the last complete week (a Monday, excluded)
 * @param zone the time zone the hours are in
 */
public record StaffingPlan(long brandId, LocalDate from, LocalDate until, String zone, int weeks, double serviceLevel,
                           Duration answerWithin, double shrinkage, double maxOccupancy, HandlingTime handlingTime,
                           List<HourCell> cells) {

    public HourCell cell(DayOfWeek day, int hour) {
        return cells.get(day.ordinal() * 24 + hour);
    }

    /** The most advised agents in any hour, to scale the heat map. */
    public int peakAgents() {
        return cells.stream().mapToInt(HourCell::agentsScheduled).max().orElse(0);
    }

    public double peakArrivals() {
        return cells.stream().mapToDouble(HourCell::arrivals).max().orElse(0);
    }

    public double peakAvailable() {
        return cells.stream().mapToDouble(HourCell::agentsAvailable).max().orElse(0);
    }

    public long closedWhileWritingHours() {
        return cells.stream().filter(HourCell::closedWhileWriting).count();
    }
}
