package org.webcare.routing;

import java.util.Locale;

/** Whether an agent takes new cases now; only available agents get cases from routing. */
public enum AgentStatus {
    AVAILABLE, AWAY, OFFLINE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentStatus parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status: must be one of available, away, offline; got '" + value + "'");
        }
    }
}
