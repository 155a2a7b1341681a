package org.webcare.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.calendar.CalendarDefinition;
import org.webcare.support.IntegrationTest;

/** The staffing heat map's opening hours come from the brand's business calendar. */
class CalendarOpeningHoursIntegrationTests extends IntegrationTest {

    @Autowired
    OpeningHours openingHours;

    @Autowired
    BusinessCalendars calendars;

    @Test
    void aBrandsCalendarDecidesWhichHoursAreOpen() {
        var withCalendar = channels.createBrand(unique("Bank"));
        var without = channels.createBrand(unique("Shop"));
        calendars.create(withCalendar.id(), "Kantoor", CalendarDefinition.parse("""
                {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["13:30","17:00"]]},"holidays":{"dates":[],"dutch":[]}}"""));

        assertThat(openingHours.isOpen(withCalendar.id(), DayOfWeek.MONDAY, 8)).isTrue();
        assertThat(openingHours.isOpen(withCalendar.id(), DayOfWeek.MONDAY, 12)).as("12:00–13:00 is the lunch break").isFalse();
        assertThat(openingHours.isOpen(withCalendar.id(), DayOfWeek.MONDAY, 13)).as("open from 13:30").isTrue();
        assertThat(openingHours.isOpen(withCalendar.id(), DayOfWeek.MONDAY, 21)).isFalse();
        assertThat(openingHours.isOpen(withCalendar.id(), DayOfWeek.SUNDAY, 10)).isFalse();
        // Without a calendar: the configured hours, around the clock by default.
        assertThat(openingHours.isOpen(without.id(), DayOfWeek.SUNDAY, 3)).isTrue();
    }
}
