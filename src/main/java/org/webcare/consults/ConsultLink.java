package org.webcare.consults;

/**
 * What an answer link leads to. Only {@link Open} and {@link Accepted} show anything of the consult; a link that
 * cannot be answered says why in general terms, so a guessed or old link reveals nothing.
 */
public sealed interface ConsultLink {

    /** The expert may answer. */
    record Open(Consult consult, String brandName) implements ConsultLink {
    }

    /** The expert's answer was recorded just now. */
    record Accepted(Consult consult) implements ConsultLink {
    }

    /** The link was valid but cannot be answered any more. */
    record Gone(Reason reason) implements ConsultLink {
    }

    /** No such link. */
    record Unknown() implements ConsultLink {
    }

    enum Reason {
        ANSWERED, CANCELLED, EXPIRED
    }
}
