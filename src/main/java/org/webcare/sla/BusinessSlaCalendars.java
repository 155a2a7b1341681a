package org.webcare.sla;

import org.springframework.stereotype.Component;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.calendar.WorkingTime;

/** The brands' business calendars; an unknown calendar counts around the clock, so a deleted one stops no clock. */
@Component
class BusinessSlaCalendars implements SlaCalendars {

    private final BusinessCalendars calendars;
    private final SlaSettings settings;

    BusinessSlaCalendars(BusinessCalendars calendars, SlaSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
    }

    /** Promises and due times are shown in the calendar's own zone; around the clock, in {@code webcare.sla.zone}. */
    @Override
    public Calendar of(Long calendarId) {
        return (calendarId == null ? java.util.Optional.<org.webcare.calendar.BusinessCalendar>empty() : calendars.find(calendarId))
                .map(found -> new Calendar(found, found.definition().timeZone()))
                .orElseGet(() -> new Calendar(WorkingTime.ALWAYS, settings.zone()));
    }
}
