package org.webcare.incidents;

import java.util.Locale;

/** The two messages every case of an incident hears, each once: while it lasts, and when it is over. */
public enum StatementKind {
    HOLDING, RESOLUTION;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
