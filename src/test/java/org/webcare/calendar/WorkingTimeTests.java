package org.webcare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class WorkingTimeTests {

    /** Weekdays with a lunch break, closed at the weekend, every Dutch holiday. */
    private static final WorkingTime OFFICE = calendar("""
            {"timeZone":"Europe/Amsterdam","hours":{
              "MONDAY":[["08:00","12:00"],["13:00","17:30"]],"TUESDAY":[["08:00","12:00"],["13:00","17:30"]],
              "WEDNESDAY":[["08:00","12:00"],["13:00","17:30"]],"THURSDAY":[["08:00","12:00"],["13:00","17:30"]],
              "FRIDAY":[["08:00","12:00"],["13:00","17:30"]],"SATURDAY":[]},
             "holidays":{"dates":["2026-12-31"],"dutch":"all"}}""");

    private static WorkingTime calendar(String json) {
        return BusinessCalendar.of(CalendarDefinition.parse(json));
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    @Test
    void addsAtPeriodEdgesInsideAndBetweenSplitShifts() {
        assertThat(OFFICE.add(at("2026-03-02T08:00:00+01:00"), hours(4))).isEqualTo(at("2026-03-02T12:00:00+01:00"));
        assertThat(OFFICE.add(at("2026-03-02T08:00:00+01:00"), Duration.ofMinutes(241))).isEqualTo(at("2026-03-02T13:01:00+01:00"));
        assertThat(OFFICE.add(at("2026-03-02T11:00:00+01:00"), hours(2))).isEqualTo(at("2026-03-02T14:00:00+01:00"));
        assertThat(OFFICE.add(at("2026-03-02T12:30:00+01:00"), hours(1))).isEqualTo(at("2026-03-02T14:00:00+01:00"));
        assertThat(OFFICE.add(at("2026-03-02T06:00:00+01:00"), hours(0.5))).isEqualTo(at("2026-03-02T08:30:00+01:00"));
        assertThat(OFFICE.add(at("2026-03-02T12:00:00+01:00"), hours(4.5))).isEqualTo(at("2026-03-02T17:30:00+01:00"));
    }

    @Test
    void zeroWorkingTimeHasElapsedAtTheStartItselfEvenWhenClosed() {
        assertThat(OFFICE.add(at("2026-03-07T10:00:00+01:00"), Duration.ZERO)).isEqualTo(at("2026-03-07T10:00:00+01:00"));
        assertThat(OFFICE.add(at("2026-03-02T09:00:00+01:00"), Duration.ZERO)).isEqualTo(at("2026-03-02T09:00:00+01:00"));
    }

    @Test
    void measuresBetweenAndRefusesAnEndBeforeTheStart() {
        assertThat(OFFICE.between(at("2026-03-02T07:00:00+01:00"), at("2026-03-02T18:00:00+01:00"))).isEqualTo(hours(8.5));
        assertThat(OFFICE.between(at("2026-03-02T12:00:00+01:00"), at("2026-03-02T13:00:00+01:00"))).isZero();
        assertThat(OFFICE.between(at("2026-03-02T11:30:00+01:00"), at("2026-03-02T13:15:00+01:00"))).isEqualTo(hours(0.75));
        assertThat(OFFICE.between(at("2026-03-02T09:00:00+01:00"), at("2026-03-02T09:00:00+01:00"))).isZero();
        assertThatThrownBy(() -> OFFICE.between(at("2026-03-02T09:00:00+01:00"), at("2026-03-02T08:59:59+01:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.add(at("2026-03-02T09:00:00+01:00"), hours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhenItIsOpenAndWhenItOpensNext() {
        assertThat(OFFICE.isOpen(at("2026-03-02T08:00:00+01:00"))).isTrue();
        assertThat(OFFICE.isOpen(at("2026-03-02T11:59:59+01:00"))).isTrue();
        assertThat(OFFICE.isOpen(at("2026-03-02T12:00:00+01:00"))).isFalse();
        assertThat(OFFICE.isOpen(at("2026-03-07T10:00:00+01:00"))).isFalse();
        assertThat(OFFICE.nextOpening(at("2026-03-02T12:00:00+01:00"))).isEqualTo(at("2026-03-02T13:00:00+01:00"));
        assertThat(OFFICE.nextOpening(at("2026-03-02T09:15:00+01:00"))).isEqualTo(at("2026-03-02T09:15:00+01:00"));
        assertThat(OFFICE.nextOpening(at("2026-03-06T17:30:00+01:00"))).isEqualTo(at("2026-03-09T08:00:00+01:00"));
    }

    @Test
    void continuesAfterTheWeekend() {
        assertThat(OFFICE.add(at("2026-03-06T16:30:00+01:00"), hours(4))).isEqualTo(at("2026-03-09T11:00:00+01:00"));
        assertThat(OFFICE.between(at("2026-03-06T17:00:00+01:00"), at("2026-03-09T08:30:00+01:00"))).isEqualTo(hours(1));
        // Friday before the clocks go forward: Monday is in summer time.
        assertThat(OFFICE.add(at("2026-03-27T16:30:00+01:00"), hours(4))).isEqualTo(at("2026-03-30T11:00:00+02:00"));
    }

    @Test
    void skipsHolidays() {
        // Goede Vrijdag 2026-04-03 and Tweede Paasdag 2026-04-06 are closed.
        assertThat(OFFICE.add(at("2026-04-02T17:00:00+02:00"), hours(1))).isEqualTo(at("2026-04-07T08:30:00+02:00"));
        // Koningsdag 2026 is Monday 27 April.
        assertThat(OFFICE.between(at("2026-04-24T00:00:00+02:00"), at("2026-04-28T00:00:00+02:00"))).isEqualTo(hours(8.5));
        // A date entered by hand.
        assertThat(OFFICE.isOpen(at("2026-12-31T09:00:00+01:00"))).isFalse();
        assertThat(OFFICE.nextOpening(at("2026-12-30T18:00:00+01:00"))).isEqualTo(at("2027-01-04T08:00:00+01:00"));
    }

    @Test
    void koningsdagOnASundayIsKeptOnTheSaturdayBefore() {
        WorkingTime saturdays = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SATURDAY":[["10:00","16:00"]]},"holidays":{"dutch":["koningsdag"]}}""");
        assertThat(saturdays.between(at("2025-04-26T00:00:00+02:00"), at("2025-04-27T00:00:00+02:00"))).isZero();
        assertThat(saturdays.between(at("2025-04-19T00:00:00+02:00"), at("2025-04-20T00:00:00+02:00"))).isEqualTo(hours(6));
    }

    @Test
    void computesTheDutchHolidaysOfAnyYear() {
        assertThat(DutchHoliday.easter(2024)).hasToString("2024-03-31");
        assertThat(DutchHoliday.easter(2025)).hasToString("2025-04-20");
        assertThat(DutchHoliday.easter(2026)).hasToString("2026-04-05");
        assertThat(DutchHoliday.easter(2027)).hasToString("2027-03-28");
        assertThat(DutchHoliday.KONINGSDAG.in(2025)).hasToString("2025-04-26");
        assertThat(DutchHoliday.KONINGSDAG.in(2026)).hasToString("2026-04-27");
        assertThat(DutchHoliday.GOEDE_VRIJDAG.in(2026)).hasToString("2026-04-03");
        assertThat(DutchHoliday.TWEEDE_PAASDAG.in(2025)).hasToString("2025-04-21");
        assertThat(DutchHoliday.HEMELVAARTSDAG.in(2026)).hasToString("2026-05-14");
        assertThat(DutchHoliday.HEMELVAARTSDAG.in(2024)).hasToString("2024-05-09");
        assertThat(DutchHoliday.EERSTE_PINKSTERDAG.in(2026)).hasToString("2026-05-24");
        assertThat(DutchHoliday.TWEEDE_PINKSTERDAG.in(2027)).hasToString("2027-05-17");
        assertThat(BusinessCalendar.holidays(CalendarDefinition.parse("""
                {"timeZone":"Europe/Amsterdam","holidays":{"dates":["2027-12-31"],"dutch":"all"}}"""), 2027))
                .extracting(h -> h.date() + " " + h.name())
                .containsExactly("2027-01-01 Nieuwjaarsdag", "2027-03-26 Goede Vrijdag", "2027-03-28 Eerste Paasdag",
                        "2027-03-29 Tweede Paasdag", "2027-04-27 Koningsdag", "2027-05-05 Bevrijdingsdag",
                        "2027-05-06 Hemelvaartsdag", "2027-05-16 Eerste Pinksterdag", "2027-05-17 Tweede Pinksterdag",
                        "2027-12-25 Eerste Kerstdag", "2027-12-26 Tweede Kerstdag", "2027-12-31 ");
    }

    @Test
    void aPeriodAcrossTheSpringChangeIsAnHourShorter() {
        WorkingTime sundays = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["01:00","04:00"]]}}""");
        assertThat(sundays.between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).isEqualTo(hours(2));
        assertThat(sundays.between(at("2026-03-22T00:00:00+01:00"), at("2026-03-23T00:00:00+01:00"))).isEqualTo(hours(3));
        assertThat(sundays.add(at("2026-03-29T01:30:00+01:00"), hours(1))).isEqualTo(at("2026-03-29T03:30:00+02:00"));

        WorkingTime allDay = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["00:00","24:00"]]}}""");
        assertThat(allDay.between(at("2026-03-28T12:00:00+01:00"), at("2026-03-30T12:00:00+02:00"))).isEqualTo(hours(23));
    }

    @Test
    void aStartInsideTheSpringGapIsTheFirstInstantAfterIt() {
        WorkingTime sundays = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["02:30","05:00"]]}}""");
        assertThat(sundays.nextOpening(at("2026-03-29T00:00:00+01:00"))).isEqualTo(at("2026-03-29T03:00:00+02:00"));
        assertThat(sundays.between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).isEqualTo(hours(2));
    }

    @Test
    void aPeriodAcrossTheAutumnChangeIsAnHourLonger() {
        WorkingTime sundays = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["01:00","04:00"]]}}""");
        assertThat(sundays.between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00"))).isEqualTo(hours(4));
        assertThat(sundays.add(at("2026-10-25T01:00:00+02:00"), hours(3))).isEqualTo(at("2026-10-25T03:00:00+01:00"));

        WorkingTime allDay = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["00:00","24:00"]]}}""");
        assertThat(allDay.between(at("2026-10-24T00:00:00+02:00"), at("2026-10-27T00:00:00+01:00"))).isEqualTo(hours(25));

        // A twice-occurring wall-clock time: the earlier instant starts a period, the later ends one.
        WorkingTime twice = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["02:30","03:00"]]}}""");
        assertThat(twice.nextOpening(at("2026-10-25T00:00:00+02:00"))).isEqualTo(at("2026-10-25T02:30:00+02:00"));
        assertThat(twice.between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00"))).isEqualTo(hours(1.5));
    }

    @Test
    void midnightAndTheNextDaysMidnightAreContiguous() {
        WorkingTime nights = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["18:00","24:00"]],"TUESDAY":[["00:00","06:00"]]}}""");
        assertThat(nights.add(at("2026-03-02T23:00:00+01:00"), hours(2))).isEqualTo(at("2026-03-03T01:00:00+01:00"));
        assertThat(nights.add(at("2026-03-02T22:00:00+01:00"), hours(2))).isEqualTo(at("2026-03-03T00:00:00+01:00"));
        assertThat(nights.isOpen(at("2026-03-03T00:00:00+01:00"))).isTrue();
        assertThat(nights.nextOpening(at("2026-03-03T00:00:00+01:00"))).isEqualTo(at("2026-03-03T00:00:00+01:00"));
        assertThat(nights.between(at("2026-03-02T17:00:00+01:00"), at("2026-03-03T07:00:00+01:00"))).isEqualTo(hours(12));
        assertThat(nights.add(at("2026-03-03T05:00:00+01:00"), hours(2))).isEqualTo(at("2026-03-09T19:00:00+01:00"));
    }

    @Test
    void aDayOfWorkingTimeIsTwentyFourWorkingHours() {
        assertThat(Duration.parse("P2DT3H")).isEqualTo(hours(51));
        // Six working days of 8.5 hours.
        assertThat(OFFICE.add(at("2026-03-02T08:00:00+01:00"), Duration.parse("P2DT3H"))).isEqualTo(at("2026-03-09T17:30:00+01:00"));
        assertThat(WorkingTime.ALWAYS.add(at("2026-03-02T08:00:00+01:00"), Duration.parse("P2DT3H"))).isEqualTo(at("2026-03-04T11:00:00+01:00"));
    }

    @Test
    void durationsSpanningWeeksAndYearsAreExactAndFast() {
        WorkingTime plain = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["13:00","17:30"]],"TUESDAY":[["08:00","12:00"],["13:00","17:30"]],
                 "WEDNESDAY":[["08:00","12:00"],["13:00","17:30"]],"THURSDAY":[["08:00","12:00"],["13:00","17:30"]],"FRIDAY":[["08:00","12:00"],["13:00","17:30"]]}}""");
        assertThat(plain.add(at("2026-01-05T08:00:00+01:00"), hours(42.5 * 10))).isEqualTo(at("2026-03-13T17:30:00+01:00"));

        long started = System.nanoTime();
        Instant[] starts = {at("2026-01-05T08:00:00+01:00"), at("2026-03-28T23:00:00+01:00"), at("2026-10-24T13:00:00+02:00"),
                at("2026-12-24T12:00:00+01:00")};
        Duration[] durations = {hours(1), hours(37), hours(400), Duration.ofDays(1000), Duration.parse("PT12345H6M7S")};
        for (WorkingTime time : new WorkingTime[] {OFFICE, plain}) {
            for (Instant start : starts) {
                for (Duration duration : durations) {
                    Instant end = time.add(start, duration);
                    assertThat(time.between(start, end)).as("%s + %s", start, duration).isEqualTo(duration);
                    assertThat(time.between(start, end.minusSeconds(1))).as("earliest: %s + %s", start, duration).isLessThan(duration);
                }
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        // Two centuries of office hours: whole weeks between holidays and clock changes are skipped, not walked.
        started = System.nanoTime();
        Duration centuries = hours(42.5 * 52 * 200);
        Instant end = OFFICE.add(at("2026-01-05T08:00:00+01:00"), centuries);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(OFFICE.between(at("2026-01-05T08:00:00+01:00"), end)).isEqualTo(centuries);
        assertThatThrownBy(() -> OFFICE.add(at("2026-01-05T08:00:00+01:00"), Duration.ofDays(400_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000 years");
    }

    @Test
    void refusesInvalidDefinitionsNamingTheField() {
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["11:00","13:00"]]}}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hours.MONDAY[1]: 11:00–13:00 overlaps 08:00–12:00");
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdam","holidays":{"dutch":["koningsdag","sinterklaas"]}}"""))
                .hasMessage("holidays.dutch: unknown holiday 'sinterklaas'");
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdan"}""")).hasMessage("timeZone: unknown zone 'Europe/Amsterdan'");
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"TUESDAY":[["08:00","25:00"]]}}"""))
                .hasMessage("hours.TUESDAY[0]: '25:00' is not a time of day (00:00 to 24:00)");
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"TUESDAY":[["17:00","08:00"]]}}"""))
                .hasMessageStartingWith("hours.TUESDAY[0]: 17:00–08:00");
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"FUNDAY":[]}}""")).hasMessageStartingWith("hours.FUNDAY: unknown weekday");
        assertThatThrownBy(() -> calendar("""
                {"timeZone":"Europe/Amsterdam","holidays":{"dates":["2026-02-30"]}}"""))
                .hasMessage("holidays.dates[0]: '2026-02-30' is not a date (yyyy-MM-dd)");
        assertThatThrownBy(() -> calendar("{\"hours\":{}}")).hasMessageStartingWith("timeZone: required");
        assertThatThrownBy(() -> calendar("{\"timeZone\":\"UTC\",\"timezone\":\"UTC\"}")).hasMessageStartingWith("timezone: unknown field");
    }

    @Test
    void writesTheSameShapeItReads() {
        CalendarDefinition definition = CalendarDefinition.parse("""
                {"timeZone":"Europe/Amsterdam","hours":{"SUNDAY":[["10:00","24:00"]],"MONDAY":[["13:00","17:30"],["08:00","12:00"]],"SATURDAY":[]},
                 "holidays":{"dates":["2026-12-31"],"dutch":["tweede-kerstdag","nieuwjaarsdag"]}}""");
        assertThat(definition.toJson()).isEqualTo("{\"timeZone\":\"Europe/Amsterdam\",\"hours\":{\"MONDAY\":[[\"08:00\",\"12:00\"],[\"13:00\",\"17:30\"]],"
                + "\"SATURDAY\":[],\"SUNDAY\":[[\"10:00\",\"24:00\"]]},\"holidays\":{\"dates\":[\"2026-12-31\"],\"dutch\":[\"nieuwjaarsdag\",\"tweede-kerstdag\"]}}");
        assertThat(CalendarDefinition.parse(definition.toJson())).isEqualTo(definition);
    }
}
