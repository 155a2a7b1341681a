package org.webcare.channel.connectors.email;

import java.util.Locale;
import java.util.Optional;

/** How a connection to the mail server is protected. */
enum Security {
    /** TLS from the first byte (IMAPS on 993, SMTPS on 465). */
    SSL,
    /** A plain connection upgraded with STARTTLS before logging in; refused when the server does not offer it. */
    STARTTLS,
    /** No encryption: only for a server on the same host or in tests. */
    NONE;

    static Optional<Security> parse(String value) {
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
