package org.webcare.sla;

import java.time.ZoneId;

import org.webcare.calendar.WorkingTime;

/** The working time a policy's targets count, by the policy's calendar id. */
public interface SlaCalendars {

    /** The calendar, or around the clock when the id is {@code null} or unknown. */
    Calendar of(Long calendarId);

    /** @param zone where promises to customers are dated ("tomorrow before 12:00") */
    record Calendar(WorkingTime time, ZoneId zone) {
    }
}
