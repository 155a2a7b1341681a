package org.webcare.alerting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The hour or day, in Webcare's time zone, that a digest covers: {@code [start, end)}. Days follow the calendar, so
 * the day a clock changes lasts 23 or 25 hours.
 */
record DigestWindow(Instant start, Instant end) {

    static DigestWindow containing(Cadence cadence, Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return switch (cadence) {
            case HOURLY -> {
                // Truncating the instant, not the local time, keeps half-hour zones and the repeated hour right.
                ZonedDateTime start = local.truncatedTo(ChronoUnit.HOURS);
                yield new DigestWindow(start.toInstant(), start.toInstant().plus(1, ChronoUnit.HOURS));
            }
            case DAILY -> {
                ZonedDateTime start = local.toLocalDate().atStartOfDay(zone);
                yield new DigestWindow(start.toInstant(), start.plusDays(1).toLocalDate().atStartOfDay(zone).toInstant());
            }
            case INSTANT -> throw new IllegalArgumentException("cadence: instant alerts have quiet windows, not digest windows");
        };
    }
}
