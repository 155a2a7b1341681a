package org.webcare.sla;

import java.util.Locale;

/** What a clock measures. */
public enum ClockKind {
    /** From the customer's first message to the team's first reply. */
    FIRST_RESPONSE,
    /** From the customer's message after a reply of the team to the team's next reply; one per customer turn. */
    NEXT_RESPONSE,
    /** From opening (or reopening) to resolution. */
    RESOLUTION;

    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ClockKind parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
