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

    @Override
    public Calendar of(Long calendarId) {
        WorkingTime time = calendarId == null ? WorkingTime.ALWAYS
                : calendars.find(calendarId).<WorkingTime>map(found -> found).orElse(WorkingTime.ALWAYS);
        return new Calendar(time, settings.zone());
    }
}
