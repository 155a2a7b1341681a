package org.webcare.reporting;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The periods a dashboard shows, each with a bucket size that gives a readable number of bars. */
public enum DashboardRange {
    DAY(Duration.ofHours(24), Duration.ofHours(1)),
    WEEK(Duration.ofDays(7), Duration.ofHours(6)),
    MONTH(Duration.ofDays(30), Duration.ofDays(1));

    private final Duration length;
    private final Duration bucket;

    DashboardRange(Duration length, Duration bucket) {
        this.length = length;
        this.bucket = bucket;
    }

    public Duration length() {
        return length;
    }

    public Duration bucket() {
        return bucket;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DashboardRange> parse(String id) {
        for (DashboardRange range : values()) {
            if (range.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }
}
