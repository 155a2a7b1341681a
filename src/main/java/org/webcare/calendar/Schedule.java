package org.webcare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working time of a {@link CalendarDefinition}: its opening periods turned into real instants, day by day, in the
 * calendar's zone. Working time is real elapsed time inside opening periods, so a period across a daylight-saving change
 * is an hour shorter or longer. A wall-clock time that does not exist (the spring-forward gap) means the first instant
 * after the gap; one that occurs twice (fall-back) means the earlier instant for a start and the later for an end.
 * Periods that meet (24:00 and the next day's 00:00) are one stretch of working time. Immutable and thread-safe.
 */
final class Schedule implements WorkingTime {

    /** More closed days in a row than any real calendar has: beyond this the calendar is never open. */
    private static final int MAX_CLOSED_DAYS = 3 * 366;

    /** Longer durations are mistakes; the limit keeps every date the walk reaches far inside what LocalDate holds. */
    private static final Duration LONGEST = Duration.ofDays(366_000);

    private final CalendarDefinition definition;
    private final ZoneRules rules;
    private final boolean everOpen;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    Schedule(CalendarDefinition definition) {
        this.definition = definition;
        this.rules = definition.timeZone().getRules();
        this.everOpen = definition.hours().values().stream().anyMatch(periods -> !periods.isEmpty());
    }

    @Override
    public Instant add(Instant start, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " is negative");
        }
        if (duration.isZero()) {
            return start;
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("duration: " + duration + " is longer than 1000 years");
        }
        Duration remaining = duration;
        Stretches stretches = new Stretches(start);
        while (true) {
            Stretch stretch = stretches.next();
            Instant from = stretch.start.isBefore(start) ? start : stretch.start;
            Duration available = Duration.between(from, stretch.end);
            if (available.compareTo(remaining) >= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
            Duration week = stretches.skippableWeek();
            // Whole weeks without holidays or clock changes are all alike: skip them arithmetically.
            if (week != null && !week.isZero()) {
                long weeks = remaining.dividedBy(week) - 1;
                if (weeks > 0) {
                    remaining = remaining.minus(week.multipliedBy(stretches.skipWeeks(weeks)));
                }
            }
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from);
        }
        Duration total = Duration.ZERO;
        if (from.equals(to) || !everOpen) {
            return total;
        }
        Stretches stretches = new Stretches(from);
        while (true) {
            Stretch stretch = stretches.next();
            if (!stretch.start.isBefore(to)) {
                return total;
            }
            Instant start = stretch.start.isBefore(from) ? from : stretch.start;
            Instant end = stretch.end.isAfter(to) ? to : stretch.end;
            total = total.plus(Duration.between(start, end));
            if (!stretch.end.isBefore(to)) {
                return total;
            }
        }
    }

    @Override
    public boolean isOpen(Instant at) {
        if (!everOpen) {
            return false;
        }
        Stretch stretch = new Stretches(at).next();
        return !stretch.start.isAfter(at);
    }

    @Override
    public Instant nextOpening(Instant at) {
        if (!everOpen) {
            throw new IllegalStateException("calendar: never open (no opening periods)");
        }
        Stretch stretch = new Stretches(at).next();
        return stretch.start.isAfter(at) ? stretch.start : at;
    }

    /** The closed dates of a year with their names: the calendar's own dates and the Dutch holidays it keeps. */
    TreeMap<LocalDate, String> holidays(int year) {
        TreeMap<LocalDate, String> all = new TreeMap<>();
        for (LocalDate date : definition.closedDates().subSet(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))) {
            all.put(date, "");
        }
        for (DutchHoliday holiday : definition.dutchHolidays()) {
            all.merge(holiday.in(year), holiday.title(), (a, b) -> a.isEmpty() ? b : a + ", " + b);
        }
        return all;
    }

    private boolean closed(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), year -> Set.copyOf(holidays(year).keySet())).contains(date);
    }

    private record Stretch(Instant start, Instant end) {
    }

    /**
     * The stretches of working time from the one that ends after {@code at} onwards, each at most one day's worth of
     * periods merged with whatever meets or overlaps it.
     */
    private final class Stretches {
        private LocalDate day;
        private final List<Stretch> pending = new ArrayList<>();
        private final Instant notBefore;
        private int closedDays;

        Stretches(Instant at) {
            this.notBefore = at;
            // A day's periods can reach into the next day only through a clock change, so one day back is enough.
            this.day = LocalDateTime.ofInstant(at, definition.timeZone()).toLocalDate().minusDays(1);
        }

        /** The next stretch that ends after the instant given; stretches that meet are joined. */
        Stretch next() {
            if (!everOpen) {
                throw new IllegalStateException("calendar: never open (no opening periods)");
            }
            while (true) {
                fill();
                Stretch first = pending.removeFirst();
                // Join a following stretch that starts where this one ends (24:00 and 00:00), across days.
                while (true) {
                    fill();
                    Stretch following = pending.getFirst();
                    if (following.start.isAfter(first.end)) {
                        break;
                    }
                    pending.removeFirst();
                    first = new Stretch(first.start, following.end.isAfter(first.end) ? following.end : first.end);
                }
                if (first.end.isAfter(notBefore)) {
                    return first;
                }
            }
        }

        /** At least one stretch pending beyond the first, so that joining can look ahead. */
        private void fill() {
            while (pending.size() < 2) {
                List<Stretch> ofDay = stretchesOf(day);
                day = day.plusDays(1);
                if (ofDay.isEmpty()) {
                    if (++closedDays > MAX_CLOSED_DAYS) {
                        if (!pending.isEmpty()) {
                            // Closed for years after this stretch: a sentinel far away keeps the joining simple.
                            pending.add(new Stretch(Instant.MAX, Instant.MAX));
                            return;
                        }
                        throw new IllegalStateException("calendar: not open on any day for " + MAX_CLOSED_DAYS + " days from " + day);
                    }
                    continue;
                }
                closedDays = 0;
                pending.addAll(ofDay);
            }
        }

        /**
         * The working time of a typical week from here, when the coming week has neither a closed date nor a clock
         * change, so that whole weeks can be skipped; {@code null} otherwise.
         */
        Duration skippableWeek() {
            LocalDate from = day;
            Duration week = Duration.ZERO;
            for (int i = 0; i < 7; i++) {
                LocalDate date = from.plusDays(i);
                if (closed(date)) {
                    return null;
                }
                for (OpeningPeriod period : definition.periods(date.getDayOfWeek())) {
                    week = week.plusMinutes(period.end() - period.start());
                }
            }
            Instant weekStart = from.atStartOfDay(definition.timeZone()).toInstant();
            ZoneOffsetTransition transition = rules.nextTransition(weekStart);
            Instant farEnd = from.plusDays(7 * 2).atStartOfDay(definition.timeZone()).toInstant();
            if (transition != null && transition.getInstant().isBefore(farEnd)) {
                return null;
            }
            return week;
        }

        /**
         * Skips up to {@code weeks} whole weeks from the day after the pending stretches, but only weeks before the next
         * closed date or clock change, which the day-by-day walk handles. How many it skipped.
         */
        long skipWeeks(long weeks) {
            LocalDate obstacle = nextObstacle(day);
            long days = java.time.temporal.ChronoUnit.DAYS.between(day, obstacle) - 1;
            long skip = Math.min(weeks, days / 7);
            if (skip <= 0) {
                return 0;
            }
            day = day.plusWeeks(skip);
            return skip;
        }

        /** The first date from {@code from} that is closed or has a clock change (or is next to one). */
        private LocalDate nextObstacle(LocalDate from) {
            LocalDate first = LocalDate.MAX;
            java.util.SortedSet<LocalDate> later = definition.closedDates().tailSet(from);
            if (!later.isEmpty()) {
                first = later.first();
            }
            for (int year = from.getYear(); year <= from.getYear() + 1; year++) {
                for (DutchHoliday holiday : definition.dutchHolidays()) {
                    LocalDate date = holiday.in(year);
                    if (!date.isBefore(from) && date.isBefore(first)) {
                        first = date;
                    }
                }
            }
            ZoneOffsetTransition transition = rules.nextTransition(from.minusDays(1).atStartOfDay(definition.timeZone()).toInstant());
            if (transition != null) {
                LocalDate changeDay = LocalDateTime.ofInstant(transition.getInstant(), definition.timeZone()).toLocalDate().minusDays(1);
                if (changeDay.isBefore(first)) {
                    first = changeDay;
                }
            }
            return first;
        }
    }

    /** The stretches of one date's periods as instants, joined where they meet; none on a closed date. */
    private List<Stretch> stretchesOf(LocalDate date) {
        List<OpeningPeriod> periods = definition.periods(date.getDayOfWeek());
        List<Stretch> stretches = new ArrayList<>();
        if (periods.isEmpty() || closed(date)) {
            return stretches;
        }
        for (OpeningPeriod period : periods) {
            Instant start = resolve(date, period.start(), true);
            Instant end = resolve(date, period.end(), false);
            if (!end.isAfter(start)) {
                continue; // entirely inside a spring-forward gap
            }
            if (!stretches.isEmpty() && !start.isAfter(stretches.getLast().end)) {
                Stretch last = stretches.removeLast();
                stretches.add(new Stretch(last.start, end.isAfter(last.end) ? end : last.end));
            } else {
                stretches.add(new Stretch(start, end));
            }
        }
        return stretches;
    }

    /** The instant of a wall-clock time of a date (minute 1440 is the next day's midnight), per the rules above. */
    private Instant resolve(LocalDate date, int minute, boolean isStart) {
        LocalDateTime local = minute == OpeningPeriod.MIDNIGHT
                ? date.plusDays(1).atStartOfDay()
                : date.atTime(LocalTime.of(minute / 60, minute % 60));
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        // In an overlap the earlier offset is the first in the list and gives the earlier instant.
        ZoneOffset offset = isStart || offsets.size() == 1 ? offsets.getFirst() : offsets.getLast();
        return local.toInstant(offset);
    }
}
