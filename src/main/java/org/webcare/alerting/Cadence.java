package org.webcare.alerting;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How often a rule's matches are sent: each quiet window, or as an hourly or daily digest. */
public enum Cadence {
    INSTANT, HOURLY, DAILY;

    /** Reads a cadence as people and API clients write it ({@code hourly}, {@code DAILY}). */
    public static Cadence parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("cadence: is required (" + known() + ")");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cadence: must be one of " + known() + ", got '" + value + "'");
        }
    }

    private static String known() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
