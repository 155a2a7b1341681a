package org.webcare.incidents;

import java.util.Locale;

/** An incident is open while the outage lasts and resolved once the team has said it is over. */
public enum IncidentStatus {
    OPEN, RESOLVED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code open} and {@code resolved} in any case. */
    public static IncidentStatus parse(String value) {
        for (IncidentStatus status : values()) {
            if (value != null && status.name().equalsIgnoreCase(value.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("status: must be open or resolved, got '" + value + "'");
    }
}
