package org.webcare.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formats instants for people, in the team's time zone ({@code WEBCARE_TIME_ZONE}). */
public final class DisplayTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    DisplayTime(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 14:05} today, {@code ma 14:05} this week, a date otherwise. */
    public String shortly(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        ZonedDateTime now = ZonedDateTime.now(zone);
        if (at.toLocalDate().equals(now.toLocalDate())) {
            return TIME.format(at);
        }
        if (Duration.between(at, now).toDays() < 6 && at.isBefore(now)) {
            return DateTimeFormatter.ofPattern("EEE HH:mm", locale).format(at);
        }
        return DateTimeFormatter.ofPattern("d MMM HH:mm", locale).format(at);
    }

    public String full(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(instant.atZone(zone));
    }

    /** The label of a chart bar: its hour for a day, day and hour for a week, the date for a month. */
    public String bucket(Instant instant, org.webcare.reporting.DashboardRange range, Locale locale) {
        String pattern = switch (range) {
            case DAY -> "HH:mm";
            case WEEK -> "EEE HH:mm";
            case MONTH -> "d MMM";
        };
        return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(zone));
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
