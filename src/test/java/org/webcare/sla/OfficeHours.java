package org.webcare.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.webcare.calendar.WorkingTime;

/** Working time for tests: weekdays 09:00–17:00 in Amsterdam, no holidays. */
final class OfficeHours implements WorkingTime {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(17, 0);

    @Override
    public Instant add(Instant start, Duration duration) {
        Instant at = start;
        Duration left = duration;
        while (true) {
            at = nextOpening(at);
            Instant closing = closing(at);
            Duration open = Duration.between(at, closing);
            if (open.compareTo(left) >= 0) {
                return at.plus(left);
            }
            left = left.minus(open);
            at = closing;
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant at = from;
        while (at.isBefore(to)) {
            at = nextOpening(at);
            if (!at.isBefore(to)) {
                break;
            }
            Instant end = closing(at).isBefore(to) ? closing(at) : to;
            total = total.plus(Duration.between(at, end));
            at = end;
        }
        return total;
    }

    @Override
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(AMSTERDAM);
        return weekday(local) && !local.toLocalTime().isBefore(OPENS) && local.toLocalTime().isBefore(CLOSES);
    }

    @Override
    public Instant nextOpening(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(AMSTERDAM);
        ZonedDateTime day = local.toLocalTime().isBefore(OPENS) ? local.with(OPENS) : local.plusDays(1).with(OPENS);
        while (!weekday(day)) {
            day = day.plusDays(1);
        }
        return day.toInstant();
    }

    private static Instant closing(Instant openAt) {
        return openAt.atZone(AMSTERDAM).with(CLOSES).toInstant();
    }

    private static boolean weekday(ZonedDateTime day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
