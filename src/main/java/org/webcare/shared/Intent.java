package org.webcare.shared;

import java.util.Locale;

/** What a post's author wants or does; several can hold for one post. */
public enum Intent {
    /** Asks something or asks for help. */
    QUESTION,
    /** Expresses dissatisfaction with a product or service. */
    COMPLAINT,
    /** Praises. */
    COMPLIMENT,
    /** Buying intent: a price, a quote, becoming a customer, an upgrade. */
    LEAD,
    /** Needs attention now: an outage, a safety risk, a legal threat, a threat to leave or to go public. */
    URGENT,
    /** Wants to end a contract or subscription. */
    CANCEL,
    /** Advertising or other unsolicited content. */
    SPAM;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
