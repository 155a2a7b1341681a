package org.webcare.surveys;

import java.util.Locale;

/**
 * How a customer is asked: {@code page}, a message with a link to the public survey page; {@code in-channel}, a
 * message asking to reply with a number, which only works on channels whose replies come back into Webcare.
 */
public enum AskBy {
    PAGE, IN_CHANNEL;

    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AskBy parse(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": must be page or in-channel; got '" + value + "'");
        }
    }
}
