package org.webcare.staffing;

import java.time.DayOfWeek;
import java.util.Comparator;

import org.springframework.stereotype.Component;
import org.webcare.calendar.BusinessCalendar;
import org.webcare.calendar.BusinessCalendars;

/**
 * A brand's opening hours from its business calendar (its first, when it has several): an hour is open when any
 * opening period of that weekday overlaps it. The heat map shows a typical week, so holidays are left out. A brand
 * without a calendar falls back to {@code webcare.staffing.opening-hours}. The calendar's periods are wall-clock times
 * in its own zone; the heat map's hours are in {@code webcare.time-zone}, which a team sets to the same zone.
 */
@Component
class CalendarOpeningHours implements OpeningHours {

    private final BusinessCalendars calendars;
    private final OpeningHours otherwise;

    CalendarOpeningHours(BusinessCalendars calendars, StaffingSettings settings) {
        this.calendars = calendars;
        this.otherwise = ConfiguredOpeningHours.parse(settings.openingHours());
    }

    @Override
    public boolean isOpen(long brandId, DayOfWeek day, int hour) {
        int from = hour * 60;
        int to = from + 60;
        return calendars.ofBrand(brandId).stream().min(Comparator.comparingLong(BusinessCalendar::id))
                .map(calendar -> calendar.definition().hours().getOrDefault(day, java.util.List.of()).stream()
                        .anyMatch(period -> period.start() < to && from < period.end()))
                .orElseGet(() -> otherwise.isOpen(brandId, day, hour));
    }
}
