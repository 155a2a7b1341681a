package org.webcare.shared;

import java.util.Locale;

/** The overall attitude of a post's author. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SentimentLabel parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
