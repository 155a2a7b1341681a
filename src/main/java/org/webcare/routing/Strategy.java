package org.webcare.routing;

import java.util.Locale;

/** How a queue's cases reach its members. */
public enum Strategy {
    /** Cases wait until an agent claims one or a team lead assigns it. */
    MANUAL,
    /** The next eligible member in turn; the turn is kept per queue. */
    ROUND_ROBIN,
    /** The eligible member with the lowest load: active assigned cases divided by capacity. */
    LOAD_BALANCED;

    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code round-robin}, {@code round_robin} and {@code ROUND_ROBIN}. */
    public static Strategy parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("strategy: must be one of manual, round-robin, load-balanced; got '" + value + "'");
        }
    }
}
