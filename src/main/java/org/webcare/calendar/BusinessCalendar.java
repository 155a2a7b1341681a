package org.webcare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A brand's named business calendar and the working time it defines. Immutable and thread-safe. */
public final class BusinessCalendar implements WorkingTime {

    private final long id;
    private final long brandId;
    private final String name;
    private final CalendarDefinition definition;
    private final Schedule schedule;

    public BusinessCalendar(long id, long brandId, String name, CalendarDefinition definition) {
        this.id = id;
        this.brandId = brandId;
        this.name = name;
        this.definition = definition;
        this.schedule = new Schedule(definition);
    }

    /** Working time of a definition that is not stored (the command line, a check of the editor). */
    public static WorkingTime of(CalendarDefinition definition) {
        return new Schedule(definition);
    }

    public long id() {
        return id;
    }

    public long brandId() {
        return brandId;
    }

    public String name() {
        return name;
    }

    public CalendarDefinition definition() {
        return definition;
    }

    /** The dates this calendar is closed in a year, by date, with their names (empty for a date entered by hand). */
    public List<Holiday> holidays(int year) {
        return holidays(definition, year);
    }

    public static List<Holiday> holidays(CalendarDefinition definition, int year) {
        List<Holiday> all = new ArrayList<>();
        new Schedule(definition).holidays(year).forEach((date, name) -> all.add(new Holiday(date, name)));
        return all;
    }

    public record Holiday(LocalDate date, String name) {
    }

    @Override
    public Instant add(Instant start, Duration duration) {
        return schedule.add(start, duration);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return schedule.between(from, to);
    }

    @Override
    public boolean isOpen(Instant at) {
        return schedule.isOpen(at);
    }

    @Override
    public Instant nextOpening(Instant at) {
        return schedule.nextOpening(at);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + " '" + name + "' of brand " + brandId + "]";
    }
}
