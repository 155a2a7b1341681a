package org.webcare.calendar;

import java.time.Duration;
import java.time.Instant;

/** Working time of one calendar; thread-safe, immutable. */
public interface WorkingTime {

    /** The earliest instant at which {@code duration} of working time has elapsed after {@code start} (at a period's exact end: that end). */
    Instant add(Instant start, Duration duration);

    /** Working time in [from, to); IllegalArgumentException when to is before from. */
    Duration between(Instant from, Instant to);

    /** Whether {@code at} lies inside an opening period. */
    boolean isOpen(Instant at);

    /** The start of the next opening period at or after {@code at} ({@code at} itself when open). */
    Instant nextOpening(Instant at);

    /** Around the clock: every instant is working time. */
    WorkingTime ALWAYS = new WorkingTime() {
        @Override
        public Instant add(Instant start, Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration: must not be negative");
            }
            return start.plus(duration);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to: " + to + " is before from " + from);
            }
            return Duration.between(from, to);
        }

        @Override
        public boolean isOpen(Instant at) {
            return true;
        }

        @Override
        public Instant nextOpening(Instant at) {
            return at;
        }

        @Override
        public String toString() {
            return "WorkingTime.ALWAYS";
        }
    };
}
