package org.webcare.staffing;

import java.time.DayOfWeek;

/**
 * When a brand's team is open, by hour of the week in the team's time zone. The staffing advice sets these hours
 * beside the arrivals to show where customers write while nobody works. A bean implementing it (the business calendar's)
 * replaces the hours of {@code webcare.staffing.opening-hours}.
 */
public interface OpeningHours {

    /** Whether the team is open during the whole or part of {@code hour} (0–23) on {@code day}. */
    boolean isOpen(long brandId, DayOfWeek day, int hour);
}
