package org.webcare.crisis;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The 168 hours of a week, Monday 00:00–01:00 being slot 0, in local time so the rhythm survives daylight saving. */
final class HourOfWeek {

    static final int SLOTS = 7 * 24;

    private HourOfWeek() {
    }

    static int slot(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    static int plus(int slot, int hours) {
        return Math.floorMod(slot + hours, SLOTS);
    }
}
