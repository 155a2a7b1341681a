package org.webcare.crisis;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A scope's posts per hour over a stretch of the past: {@code counts} maps the start of each local hour (in {@code zone})
 * that had posts to their number; every other hour in {@code [from, to)} had none.
 */
record HourlyHistory(ZoneId zone, Instant from, Instant to, Map<Instant, Long> counts) {

    HourlyHistory {
        counts = Map.copyOf(counts);
        if (to.isBefore(from)) {
            from = to;
        }
    }

    static HourlyHistory empty(ZoneId zone, Instant at) {
        return new HourlyHistory(zone, at, at, Map.of());
    }

    long hours() {
        return Duration.between(from, to).toHours();
    }
}
