package org.webcare.calendar;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** The brands' business calendars (opening hours and holidays). */
@Service
public class BusinessCalendars {

    public Optional<? extends WorkingTime> find(long calendarId) {
        return Optional.empty();
    }
}
