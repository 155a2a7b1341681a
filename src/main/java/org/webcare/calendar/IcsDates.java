package org.webcare.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.ICalDate;

/**
 * The closed days in an iCalendar (.ics) file: every date each VEVENT covers, from its start date up to its end
 * (exclusive for all-day events, as iCalendar says; inclusive of the end's date for timed events), in the calendar's
 * time zone. Recurrence rules are not expanded: a holiday feed lists each date as an event of its own.
 */
final class IcsDates {

    /** A single event longer than this is a mistake in the file, not a holiday. */
    private static final int MAX_DAYS_PER_EVENT = 366;

    private IcsDates() {
    }

    static SortedSet<LocalDate> read(String ics, ZoneId zone) {
        List<ICalendar> calendars;
        try {
            calendars = Biweekly.parse(ics).all();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ics: not an iCalendar file: " + e.getMessage());
        }
        if (calendars.isEmpty()) {
            throw new IllegalArgumentException("ics: not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (ICalendar calendar : calendars) {
            for (VEvent event : calendar.getEvents()) {
                if (event.getDateStart() == null || event.getDateStart().getValue() == null) {
                    continue;
                }
                ICalDate start = event.getDateStart().getValue();
                LocalDate first = date(start, zone);
                LocalDate last = first;
                if (event.getDateEnd() != null && event.getDateEnd().getValue() != null) {
                    ICalDate end = event.getDateEnd().getValue();
                    LocalDate endDate = date(end, zone);
                    last = end.hasTime() ? endDate : endDate.minusDays(1);
                } else if (event.getDuration() != null && event.getDuration().getValue() != null) {
                    LocalDate endDate = date(new ICalDate(event.getDuration().getValue().add(start), start.hasTime()), zone);
                    last = start.hasTime() ? endDate : endDate.minusDays(1);
                }
                if (last.isBefore(first)) {
                    last = first;
                }
                if (last.isAfter(first.plusDays(MAX_DAYS_PER_EVENT))) {
                    throw new IllegalArgumentException("ics: the event '" + summary(event) + "' from " + first + " lasts more than a year");
                }
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    dates.add(day);
                }
            }
        }
        return dates;
    }

    private static LocalDate date(ICalDate date, ZoneId zone) {
        if (!date.hasTime()) {
            // A date without time is parsed as local midnight of the JVM's zone: read it back the same way.
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        return ZonedDateTime.ofInstant(date.toInstant(), zone).toLocalDate();
    }

    private static String summary(VEvent event) {
        return event.getSummary() == null ? "" : event.getSummary().getValue();
    }

}
