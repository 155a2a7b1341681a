package org.webcare.calendar;

import java.time.Duration;
import java.time.Instant;

/** When a team works: adds and measures durations of working time. */
public interface WorkingTime {

    /** The earliest instant at which {@code duration} of working time has elapsed after {@code start}. */
    Instant add(Instant start, Duration duration);

    /** The working time in {@code [from, to)}. */
    Duration between(Instant from, Instant to);

    boolean isOpen(Instant at);

    Instant nextOpening(Instant at);

    /** Around the clock: every moment is working time. */
    WorkingTime ALWAYS = new WorkingTime() {
        @Override
        public Instant add(Instant start, Duration duration) {
            return start.plus(duration);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public boolean isOpen(Instant at) {
            return true;
        }

        @Override
        public Instant nextOpening(Instant at) {
            return at;
        }
    };
}
