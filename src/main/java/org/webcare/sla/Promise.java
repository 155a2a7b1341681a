package org.webcare.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * When the team promises to answer, as a customer reads it: "vandaag vóór 16:00", "morgen vóór 12:00", "maandag vóór
 * 10:00" (or in English), dated in the calendar's zone relative to now; further than a week away with the date.
 */
final class Promise {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Promise() {
    }

    static String of(Instant due, Instant now, ZoneId zone, String language) {
        boolean dutch = "nl".equals(language);
        // A due time within a minute is promised by the end of that minute: never earlier than the clock says.
        ZonedDateTime by = due.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        if (by.toInstant().isBefore(due)) {
            by = by.plusMinutes(1);
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, by.toLocalDate());
        String time = TIME.format(by);
        String before = dutch ? " vóór " : " before ";
        if (days <= 0) {
            return (dutch ? "vandaag" : "today") + before + time;
        }
        if (days == 1) {
            return (dutch ? "morgen" : "tomorrow") + before + time;
        }
        if (days < 7) {
            return by.getDayOfWeek().getDisplayName(TextStyle.FULL, dutch ? DUTCH : Locale.ENGLISH) + before + time;
        }
        return (dutch ? "op " : "on ") + DateTimeFormatter.ofPattern("d MMMM", dutch ? DUTCH : Locale.ENGLISH).format(by) + before + time;
    }
}
